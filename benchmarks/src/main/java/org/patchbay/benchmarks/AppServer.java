package org.patchbay.benchmarks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * The customer's application server of the benchmark: answers Patchbay's TwiML requests and counts them.
 * {@code POST /voice} says one sentence and hangs up (the routed call); {@code POST /hold} pauses for a long
 * time (the calls held open to weigh a live session); {@code POST /status} takes status callbacks;
 * {@code GET /stats} reports the counts.
 */
final class AppServer {
    private final String voiceTwiml;
    private final String holdTwiml;
    private long voiceRequests;
    private long holdRequests;
    private long statusCallbacks;
    private long otherRequests;

    AppServer(String sayText, int holdSeconds) {
        this.voiceTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>" + escape(sayText)
                + "</Say><Hangup/></Response>";
        this.holdTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Pause length=\"" + holdSeconds
                + "\"/><Hangup/></Response>";
    }

    /** Listens on {@code port}; the counters are touched only on the server's one event loop. */
    Future<HttpServer> listen(Vertx vertx, int port) {
        return vertx.createHttpServer().requestHandler(this::handle).listen(port, "127.0.0.1");
    }

    private void handle(HttpServerRequest request) {
        // Read the whole form first so the keep-alive connection is clean for Patchbay's next request.
        request.body().onComplete(read -> {
            String path = request.path();
            switch (path) {
                case "/voice" -> {
                    voiceRequests++;
                    xml(request, voiceTwiml);
                }
                case "/hold" -> {
                    holdRequests++;
                    xml(request, holdTwiml);
                }
                case "/status" -> {
                    statusCallbacks++;
                    request.response().setStatusCode(204).end();
                }
                case "/stats" -> request.response().putHeader("Content-Type", "application/json").end(stats().encode());
                default -> {
                    otherRequests++;
                    request.response().setStatusCode(404).end();
                }
            }
        });
    }

    private JsonObject stats() {
        return new JsonObject().put("voice", voiceRequests).put("hold", holdRequests)
                .put("status", statusCallbacks).put("other", otherRequests);
    }

    private static void xml(HttpServerRequest request, String body) {
        request.response().putHeader("Content-Type", "text/xml").end(body);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
