package org.patchbay.benchmarks;

import io.vertx.core.Vertx;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the stream benchmark runs: the simulated Asterisk (real time) and Patchbay as their own processes, so their
 * CPU is counted apart, and the echoing stream app in the driver, number {@code 1000} pointing at its TwiML.
 */
final class StreamRig implements AutoCloseable {
    private final List<ChildProcess> started = new ArrayList<>();
    private final int simPort = freePort();
    private final int patchbayPort = freePort();
    private final int appPort = freePort();
    private final LocalHttp http;
    private final SimClient sim;
    private EchoStreamApp app;
    private ChildProcess patchbay;

    private StreamRig(Vertx vertx) {
        this.http = new LocalHttp(vertx, vertx.getOrCreateContext(), 256);
        this.sim = new SimClient(http, simPort);
    }

    static StreamRig start(Vertx vertx, Path jar, Path runDir) throws IOException {
        StreamRig rig = new StreamRig(vertx);
        try {
            rig.launch(vertx, jar, runDir);
            return rig;
        } catch (IOException | RuntimeException failure) {
            rig.close();
            throw failure;
        }
    }

    private void launch(Vertx vertx, Path jar, Path runDir) throws IOException {
        app = EchoStreamApp.start(vertx, appPort);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ChildProcess simProcess = ChildProcess.start("asterisk-sim", List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.patchbay.asterisk.sim.SimMain", "--port", Integer.toString(simPort), "--user", "ari", "--password", "ari",
                "--app", "patchbay", "--time-scale", "1.0"), Map.of(), runDir.resolve("asterisk-sim.log"));
        started.add(simProcess);
        Path config = runDir.resolve("patchbay.yaml");
        Files.writeString(config, "numbers:\n  \"1000\": {voiceUrl: \"http://127.0.0.1:" + appPort + "/voice\", voiceMethod: POST}\n");
        patchbay = ChildProcess.start("patchbay", List.of(java, "-jar", jar.toString()), Map.of(
                "PATCHBAY_ARI_URL", "http://127.0.0.1:" + simPort, "PATCHBAY_ARI_USER", "ari", "PATCHBAY_ARI_PASSWORD", "ari",
                "PATCHBAY_HTTP_PORT", Integer.toString(patchbayPort),
                "PATCHBAY_DATA_DIR", runDir.resolve("patchbay-data").toString(), "PATCHBAY_CONFIG", config.toString()),
                runDir.resolve("patchbay.log"));
        started.add(patchbay);
        PatchbayClient health = new PatchbayClient(http, patchbayPort, "AC" + "0".repeat(32), "unused");
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (true) {
            started.forEach(ChildProcess::ensureAlive);
            try {
                if (sim.liveChannels().await() >= 0 && health.health().await().status() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // Not listening yet.
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the sim or Patchbay did not come up; see " + runDir);
            }
            Cluster.sleepMillis(200);
        }
    }

    SimClient sim() {
        return sim;
    }

    LocalHttp http() {
        return http;
    }

    int simPort() {
        return simPort;
    }

    EchoStreamApp app() {
        return app;
    }

    ChildProcess patchbay() {
        return patchbay;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
        started.clear();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("no free port", e);
        }
    }
}
