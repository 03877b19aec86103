package org.patchbay.benchmarks;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** What the benchmark asks Patchbay: its health, and its call records through the Twilio-style REST API. */
final class PatchbayClient {
    private static final int PAGE_SIZE = 1000;

    private final LocalHttp http;
    private final int port;
    private final String accountSid;
    private final String authorization;

    PatchbayClient(LocalHttp http, int port, String accountSid, String authToken) {
        this.http = http;
        this.port = port;
        this.accountSid = accountSid;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code GET /health}: 200 once the ARI link is up. */
    Future<LocalHttp.Reply> health() {
        return http.get(port, "/health", null);
    }

    Future<Integer> liveCalls() {
        return health().map(reply -> reply.json().getInteger("liveCalls"));
    }

    /** The status of every call to {@code to}, by its From number, following the pages of {@code GET /Calls.json}. */
    Future<Map<String, String>> callStatusesByFrom(String to) {
        String first = "/2010-04-01/Accounts/" + accountSid + "/Calls.json?To="
                + URLEncoder.encode(to, StandardCharsets.UTF_8) + "&PageSize=" + PAGE_SIZE;
        return page(first, new HashMap<>());
    }

    private Future<Map<String, String>> page(String uri, Map<String, String> statuses) {
        return http.get(port, uri, authorization).compose(reply -> {
            if (reply.status() != 200) {
                return Future.failedFuture("GET " + uri + " answered " + reply.status() + " " + reply.body());
            }
            JsonObject body = reply.json();
            body.getJsonArray("calls").forEach(call -> {
                JsonObject record = (JsonObject) call;
                statuses.put(record.getString("from"), record.getString("status"));
            });
            String next = body.getString("next_page_uri");
            return next == null ? Future.succeededFuture(statuses) : page(next, statuses);
        });
    }
}
