package org.patchbay.server.dashboard;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import org.patchbay.server.api.auth.Authenticator;

/**
 * Signs dashboard viewers in as the API does (HTTP Basic, an account's SID and auth token or an API key);
 * without valid credentials the answer is a 401 with a Basic challenge, so a browser asks for them.
 */
final class DashboardAuth {
    private static final String CHALLENGE = "Basic realm=\"Patchbay dashboard\", charset=\"UTF-8\"";

    private final Authenticator authenticator;

    DashboardAuth(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** The viewer's scope, or a failed future once the 401 has been sent. */
    Future<Scope> signIn(RoutingContext ctx) {
        return authenticator.authenticate(ctx.request().getHeader("Authorization")).map(Scope::of).onFailure(e -> {
            if (!ctx.response().ended()) {
                ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", CHALLENGE)
                        .putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end("Sign in with an account SID and auth token (or an API key and its secret).\n");
            }
        });
    }
}
