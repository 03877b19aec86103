package org.patchbay.adapters.http;

import io.vertx.core.Future;
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

    public GuardedHttpClient(Vertx vertx, HttpClient delegate, OutboundPolicy policy) {
        this.vertx = vertx;
        this.delegate = delegate;
        this.policy = policy;
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
