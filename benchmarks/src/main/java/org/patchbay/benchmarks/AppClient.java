package org.patchbay.benchmarks;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** The application server's request counts ({@code GET /stats}). */
final class AppClient {
    private final LocalHttp http;
    private final int port;

    AppClient(LocalHttp http, int port) {
        this.http = http;
        this.port = port;
    }

    Future<JsonObject> stats() {
        return http.get(port, "/stats", null).map(LocalHttp.Reply::json);
    }
}
