package org.patchbay.server.e2e;

import org.patchbay.server.Main;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A Patchbay node in a JVM of its own (sandbox mode: it brings its own simulated Asterisk), so a test
 * can kill it the way a crash would: no shutdown hook, no socket closed politely, nothing cleaned up.
 */
final class PatchbayProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private PatchbayProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static PatchbayProcess start(Path dataDir, Map<String, String> env) {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("patchbay.log").toFile());
        builder.environment().putAll(env);
        builder.environment().putAll(Map.of("PATCHBAY_HTTP_HOST", "127.0.0.1", "PATCHBAY_HTTP_PORT", Integer.toString(port),
                "PATCHBAY_DATA_DIR", dataDir.toString(), "PATCHBAY_EVENT_LOOPS", "1"));
        builder.environment().remove("PATCHBAY_ARI_URL");
        try {
            PatchbayProcess started = new PatchbayProcess(builder.start(), port);
            started.awaitHealthy(dataDir);
            return started;
        } catch (IOException e) {
            throw new AssertionError("cannot start a Patchbay process", e);
        }
    }

    /** What the process printed (its log), for a failure message. */
    static String log(Path dataDir) {
        try {
            return java.nio.file.Files.readString(dataDir.resolve("patchbay.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    int port() {
        return port;
    }

    private void awaitHealthy(Path dataDir) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                // A request the process takes but does not answer must not eat the whole wait.
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Harness.sleep(Duration.ofMillis(100));
        }
        kill();
        throw new AssertionError("the Patchbay process did not become healthy; its log:\n" + log(dataDir));
    }

    /** SIGTERM, as an orchestrator stops a node; answers the exit status once the process has ended. */
    int terminate(Duration patience) {
        process.destroy();
        try {
            if (!process.waitFor(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                kill();
                throw new AssertionError("the Patchbay process did not exit within " + patience + " of SIGTERM");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the node dies as a crashed one does. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
