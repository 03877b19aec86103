package org.patchbay.adapters.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.SocketAddress;

import java.util.concurrent.TimeUnit;

/**
 * Every request to an account's URL goes through here: the host name is resolved once, the
 * address is checked against the {@link OutboundPolicy}, and the connection goes to that very
 * address (the Host header and TLS name stay the URL's). Checking one lookup and connecting after
 * another would let a name that answers differently the second time (DNS rebinding) slip past.
 * Redirects are never followed by the client itself, so each hop passes through here again.
 */
public final class GuardedHttpClient implements HttpClient {
    private final Vertx vertx;
    private final HttpClient delegate;
    private final OutboundPolicy policy;
    private final AccountDenials accounts;

    public GuardedHttpClient(Vertx vertx, HttpClient delegate, OutboundPolicy policy) {
        this(vertx, delegate, policy, AccountDenials.NONE);
    }

    public GuardedHttpClient(Vertx vertx, HttpClient delegate, OutboundPolicy policy, AccountDenials accounts) {
        this.vertx = vertx;
        this.delegate = delegate;
        this.policy = policy;
        this.accounts = accounts;
    }

    /**
     * This client with the account's own denied blocks added (null: the installation's policy
     * alone). It shares this client's connection pool; completes on the caller's context, so a
     * request's timers and callbacks stay on one thread whatever thread the lookup answered on.
     */
    public Future<HttpClient> forAccount(String accountSid) {
        if (accountSid == null) {
            return Future.succeededFuture(this);
        }
        Context caller = vertx.getOrCreateContext();
        Promise<HttpClient> client = Promise.promise();
        accounts.deniedFor(accountSid).onComplete(found -> caller.runOnContext(back -> {
            if (found.failed()) {
                // Not knowing what the account denies must not mean allowing it.
                client.fail(found.cause());
            } else {
                client.complete(found.result().isEmpty() ? this
                        : new GuardedHttpClient(vertx, delegate, policy.and(found.result()), AccountDenials.NONE));
            }
        }));
        return client.future();
    }

    @Override
    public Future<HttpClientRequest> request(RequestOptions options) {
        String host = options.getHost();
        if (host == null) {
            return Future.failedFuture(new IllegalArgumentException("a request without a host"));
        }
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int port = options.getPort() != null ? options.getPort() : Boolean.TRUE.equals(options.isSsl()) ? 443 : 80;
        // Vert.x's resolver honours the hosts file and AddressResolverOptions, as connecting by name would.
        return ((VertxInternal) vertx).nameResolver().resolve(name).compose(address -> {
            AddressRange refused = policy.refusing(address);
            if (refused != null) {
                return Future.failedFuture(new OutboundRefusedException(host, address.getHostAddress(), refused));
            }
            return delegate.request(options.setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress())));
        });
    }

    @Override
    public Future<Void> shutdown(long timeout, TimeUnit unit) {
        return delegate.shutdown(timeout, unit);
    }

    @Override
    public Future<Void> close() {
        return delegate.close();
    }
}
