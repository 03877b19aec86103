package org.patchbay.server.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads Patchbay's {@code GET /health} the way an operator's monitor would. */
final class HealthProbe {
    private HealthProbe() {
    }

    static String health(int httpPort) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static boolean connected(int httpPort) {
        return health(httpPort).contains("\"ari\" : \"connected\"");
    }

    /** Patchbay starts before its ARI link is up; calls placed before /health says connected find no Stasis app. */
    static void awaitConnected(int httpPort, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!connected(httpPort)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("/health did not say connected within " + within + ": " + health(httpPort));
            }
            Harness.sleep(Duration.ofMillis(50));
        }
    }
}
