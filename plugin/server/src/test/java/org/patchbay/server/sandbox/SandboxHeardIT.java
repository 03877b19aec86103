package org.patchbay.server.sandbox;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.server.Patchbay;
import org.patchbay.server.config.ConfigLoader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox's {@code heard} list shows the words of each {@code <Say>} beside its media URL. */
class SandboxHeardIT {
    @TempDir
    Path dataDir;
    private final Vertx vertx = Vertx.vertx();
    private Patchbay patchbay;

    @AfterEach
    void stop() throws Exception {
        if (patchbay != null) {
            patchbay.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theDemoCallsPromptIsListedWithItsWords() throws Exception {
        patchbay = Patchbay.start(vertx, ConfigLoader.load(Map.of("PATCHBAY_HTTP_PORT", "0",
                "PATCHBAY_DATA_DIR", dataDir.toString(), "PATCHBAY_EVENT_LOOPS", "2")))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        long connectBy = System.currentTimeMillis() + 20_000;
        while (patchbay.telephony().status().state() != org.patchbay.core.telephony.TelephonyStatus.State.CONNECTED
                && System.currentTimeMillis() < connectBy) {
            Thread.sleep(20);
        }
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + patchbay.httpPort();
        JsonObject placed = new JsonObject(http.send(HttpRequest.newBuilder(URI.create(base + "/sandbox/calls"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("From=%2B15551230000&To=1000")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String heardUrl = base + "/sandbox/calls/" + placed.getString("channelId") + "/heard";
        long deadline = System.currentTimeMillis() + 20_000;
        JsonArray heard = new JsonArray();
        while (System.currentTimeMillis() < deadline) {
            heard = new JsonObject(http.send(HttpRequest.newBuilder(URI.create(heardUrl)).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).getJsonArray("heard");
            if (heard.stream().anyMatch(e -> ((JsonObject) e).containsKey("say"))) {
                break;
            }
            Thread.sleep(50);
        }
        JsonArray seen = heard;
        assertTrue(seen.stream().map(JsonObject.class::cast).anyMatch(e -> e.getString("detail").contains("/media/tts/")
                && e.getString("say") != null && !e.getString("say").isBlank()), seen.encodePrettily());
    }
}
