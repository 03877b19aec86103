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
 */
public record HttpClientSettings(int poolSizePerHost, int keepAliveSeconds, OutboundPolicy outbound) {

    public static HttpClientSettings defaults() {
        return new HttpClientSettings(64, 4, OutboundPolicy.standard());
    }

    public HttpClientSettings {
        if (poolSizePerHost < 1 || keepAliveSeconds < 1) {
            throw new IllegalArgumentException("pool size and keep-alive must be positive");
        }
        if (outbound == null) {
            throw new IllegalArgumentException("an outbound policy is required");
        }
    }

    public HttpClientSettings withPoolSizePerHost(int size) {
        return new HttpClientSettings(size, keepAliveSeconds, outbound);
    }

    public HttpClientSettings withOutbound(OutboundPolicy policy) {
        return new HttpClientSettings(poolSizePerHost, keepAliveSeconds, policy);
    }

    HttpClient createClient(Vertx vertx) {
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout(keepAliveSeconds);
        return new GuardedHttpClient(vertx, vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(poolSizePerHost)), outbound);
    }
}
