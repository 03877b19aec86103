package org.patchbay.asterisk.sim;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/** A blocking HTTP client for tests: raw paths, as the captures recorded them, with ARI credentials. */
final class AriClient implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 15;

    /** A response and when it arrived. */
    record Response(int status, String contentType, Buffer body, long receivedNanos) {

        Object json() {
            return body == null || body.length() == 0 ? null : Json.decodeValue(body);
        }
    }

    private final WebClient client;
    private final int port;
    private final String authorization;

    AriClient(Vertx vertx, int port, String user, String password) {
        this.client = WebClient.create(vertx);
        this.port = port;
        this.authorization = basic(user, password);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Response ari(String method, String path, Object jsonBody) {
        return send(method, "/ari" + path, jsonBody, authorization);
    }

    Response ariWithAuthorization(String method, String path, String authorizationHeader) {
        return send(method, "/ari" + path, null, authorizationHeader);
    }

    Response control(String method, String path, Object jsonBody) {
        return send(method, "/sim" + path, jsonBody, null);
    }

    Response send(String method, String uri, Object jsonBody, String authorizationHeader) {
        HttpRequest<Buffer> request = client.request(HttpMethod.valueOf(method), port, "127.0.0.1", uri);
        if (authorizationHeader != null) {
            request.putHeader("Authorization", authorizationHeader);
        }
        try {
            HttpResponse<Buffer> response = (jsonBody == null
                    ? request.send()
                    : request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(Json.encode(jsonBody))))
                    .await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Response(response.statusCode(), response.getHeader("Content-Type"), response.body(),
                    System.nanoTime());
        } catch (Exception failure) {
            throw new AssertionError(method + " " + uri + " failed: " + failure, failure);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
