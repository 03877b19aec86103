package org.patchbay.benchmarks;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * HTTP/1.1 to the processes of the benchmark, all on the loopback interface: status and body, never blocking.
 * Every request is made from the driver's one event-loop context, whichever thread asks: the client and its
 * pools are then only ever touched by one thread (requests made from the main thread as well once left a
 * request waiting forever for a pooled connection).
 */
final class LocalHttp {
    private static final long TIMEOUT_MILLIS = 30_000;
    private static final long CONNECT_TIMEOUT_MILLIS = 10_000;

    /** A response: its status and whole body. */
    record Reply(int status, Buffer body) {
        JsonObject json() {
            return new JsonObject(body);
        }

        JsonArray jsonArray() {
            return new JsonArray(body);
        }
    }

    private final Context context;
    private final HttpClientAgent client;

    /** {@code connections}: how many requests to one process may be in flight at once. */
    LocalHttp(Vertx vertx, Context context, int connections) {
        this.context = context;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connections));
    }

    Future<Reply> get(int port, String uri, String authorization) {
        return send(HttpMethod.GET, port, uri, authorization, null);
    }

    Future<Reply> postJson(int port, String uri, JsonObject body) {
        return send(HttpMethod.POST, port, uri, null, body);
    }

    Future<Reply> send(HttpMethod method, int port, String uri, String authorization, JsonObject body) {
        if (Vertx.currentContext() == context) {
            return request(method, port, uri, authorization, body);
        }
        Promise<Reply> reply = Promise.promise();
        context.runOnContext(ignored -> request(method, port, uri, authorization, body).onComplete(reply));
        return reply.future();
    }

    private Future<Reply> request(HttpMethod method, int port, String uri, String authorization, JsonObject body) {
        // The connect timeout also bounds the wait for a pooled connection.
        RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port)
                .setURI(uri).setConnectTimeout(CONNECT_TIMEOUT_MILLIS).setTimeout(TIMEOUT_MILLIS);
        if (authorization != null) {
            options.putHeader("Authorization", authorization);
        }
        if (body != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body.toBuffer()))
                .compose(response -> response.body().map(bytes -> new Reply(response.statusCode(), bytes)));
    }

    Future<Void> close() {
        Promise<Void> closed = Promise.promise();
        context.runOnContext(ignored -> client.close().onComplete(closed));
        return closed.future();
    }
}
