package org.patchbay.adapters.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/**
 * The connection pool behind instruction fetches or webhooks.
 *
 * @param poolSizePerHost  keep-alive connections per host and port: hundreds of live calls share
 *                         them, so one app server sees a few dozen connections, not one per call
 * @param keepAliveSeconds how long an idle connection is kept. Below the 5 s that Node.js and
 *                         Apache use, so the server rarely closes a connection just as a request
 *                         goes out on it (that request would fail, and a POST is not retried).
 * @param outbound         the addresses requests may not go to
 * @param accounts         what each account denies on top of {@code outbound}, found by a request's {@code AccountSid}
 */
public record HttpClientSettings(int poolSizePerHost, int keepAliveSeconds, OutboundPolicy outbound, AccountDenials accounts) {

    public static HttpClientSettings defaults() {
        return new HttpClientSettings(64, 4, OutboundPolicy.standard(), AccountDenials.NONE);
    }

    public HttpClientSettings {
        if (poolSizePerHost < 1 || keepAliveSeconds < 1) {
            throw new IllegalArgumentException("pool size and keep-alive must be positive");
        }
        if (outbound == null || accounts == null) {
            throw new IllegalArgumentException("an outbound policy and account denials are required");
        }
    }

    public HttpClientSettings withPoolSizePerHost(int size) {
        return new HttpClientSettings(size, keepAliveSeconds, outbound, accounts);
    }

    public HttpClientSettings withOutbound(OutboundPolicy policy) {
        return new HttpClientSettings(poolSizePerHost, keepAliveSeconds, policy, accounts);
    }

    public HttpClientSettings withAccountDenials(AccountDenials denials) {
        return new HttpClientSettings(poolSizePerHost, keepAliveSeconds, outbound, denials);
    }

    GuardedHttpClient createClient(Vertx vertx) {
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout(keepAliveSeconds);
        return new GuardedHttpClient(vertx, vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(poolSizePerHost)), outbound, accounts);
    }
}
