package org.patchbay.server.events;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.patchbay.core.events.EventLog;
import org.patchbay.core.events.delivery.EventEncoding;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.ApiRoutes;
import org.patchbay.server.api.auth.Authenticator;
import org.patchbay.server.api.http.ErrorReplies;

/**
 * {@code GET /v1/Events/Stream}: a WebSocket of the caller's account's events, after the same HTTP Basic
 * authentication as the REST API (account SID and auth token, or an API key); wrong or missing credentials get
 * Twilio's 401 before any upgrade. Query: {@code types} (comma-separated, a trailing {@code *} matches a prefix),
 * {@code subject}, and {@code since} (an event id: replay what the log still holds after it).
 */
public final class EventStreamRoute {
    public static final String PATH = ApiRoutes.EVENT_STREAM_PATH;
    /** What a stream may have waiting to be written before it counts as too slow. */
    public static final int MAX_QUEUED_BYTES = 1024 * 1024;

    private final Authenticator authenticator;
    private final EventLog log;
    private final SharedEncoding encoding;

    public EventStreamRoute(Store store, EventLog log, EventEncoding encoding) {
        this.authenticator = new Authenticator(store);
        this.log = log;
        this.encoding = new SharedEncoding(encoding);
    }

    public void mount(Router router) {
        router.get(PATH).handler(this::open);
    }

    private void open(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        authenticator.authenticate(request.getHeader("Authorization")).onComplete(caller -> {
            if (caller.failed()) {
                request.response().putHeader("WWW-Authenticate", "Basic realm=\"Patchbay\"");
                ErrorReplies.send(request, caller.cause());
                return;
            }
            StreamFilter filter = StreamFilter.of(caller.result().account().sid(), request.getParam("types"), request.getParam("subject"));
            String since = request.getParam("since");
            request.toWebSocket().onSuccess(socket -> new StreamSession(socket, log, encoding, filter, MAX_QUEUED_BYTES).start(since))
                    .onFailure(e -> {
                        if (!request.response().ended()) {
                            request.response().setStatusCode(400).end("a WebSocket upgrade is expected here");
                        }
                    });
        });
    }
}
