package org.patchbay.benchmarks;

import io.vertx.core.Future;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The three processes under test, each its own JVM so their CPU is counted apart: the simulated Asterisk
 * ({@code SimMain}, from this module's classpath), the application server ({@link AppServerMain}) and
 * Patchbay ({@code java -jar patchbay.jar}, configured only through its environment and a YAML file).
 * {@link #close()} stops whatever was started, whatever failed.
 */
final class Cluster implements AutoCloseable {
    static final String ROUTED_NUMBER = "1000";
    static final String HOLD_NUMBER = "2000";
    private static final long READY_TIMEOUT_MILLIS = 90_000;
    private static final int HOLD_SECONDS = 600;

    private final List<ChildProcess> started = new ArrayList<>();
    private final String accountSid;
    private final String authToken;
    private final int simPort;
    private final int appPort;
    private final int patchbayPort;
    private ChildProcess sim;
    private ChildProcess app;
    private ChildProcess patchbay;

    private Cluster() {
        SecureRandom random = new SecureRandom();
        this.accountSid = "AC" + randomHex(random);
        this.authToken = randomHex(random);
        this.simPort = freePort();
        this.appPort = freePort();
        this.patchbayPort = freePort();
    }

    /** Starts the three processes, logging to {@code runDir}; call {@link #awaitReady} next. */
    static Cluster start(BenchOptions options, String classpath, Path runDir) throws IOException {
        Cluster cluster = new Cluster();
        try {
            cluster.launch(options, classpath, runDir);
            return cluster;
        } catch (IOException | RuntimeException failure) {
            cluster.close();
            throw failure;
        }
    }

    /** {@code classpath}: the driver's own, which holds the simulator and the application server too. */
    private void launch(BenchOptions options, String classpath, Path runDir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        sim = launch("asterisk-sim", List.of(java, "-cp", classpath, "org.patchbay.asterisk.sim.SimMain",
                "--port", Integer.toString(simPort), "--user", "ari", "--password", "ari", "--app", "patchbay",
                "--time-scale", Double.toString(options.timeScale()), "--heard-calls-kept", "1000000"),
                Map.of(), runDir.resolve("asterisk-sim.log"));
        app = launch("app-server", List.of(java, "-cp", classpath, AppServerMain.class.getName(),
                "--port", Integer.toString(appPort), "--say", options.say(),
                "--hold-seconds", Integer.toString(HOLD_SECONDS)), Map.of(), runDir.resolve("app-server.log"));
        Path config = runDir.resolve("patchbay.yaml");
        Files.writeString(config, numbersYaml(options.statusCallback()));
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options.patchbayJavaOpts());
        command.addAll(List.of("-jar", options.patchbayJar().toString()));
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "PATCHBAY_ARI_URL", "http://127.0.0.1:" + simPort,
                "PATCHBAY_ARI_USER", "ari",
                "PATCHBAY_ARI_PASSWORD", "ari",
                "PATCHBAY_HTTP_PORT", Integer.toString(patchbayPort),
                "PATCHBAY_ACCOUNT_SID", accountSid,
                "PATCHBAY_AUTH_TOKEN", authToken,
                "PATCHBAY_DATA_DIR", runDir.resolve("patchbay-data").toString(),
                "PATCHBAY_CONFIG", config.toString()));
        environment.putAll(extraEnvironment());
        patchbay = launch("patchbay", command, environment, runDir.resolve("patchbay.log"));
    }

    /**
     * Settings to compare a subsystem on and off, from {@code -Dbenchmark.patchbayEnv=PATCHBAY_X=v,PATCHBAY_Y=w}
     * (the shell's own PATCHBAY_* never reach Patchbay).
     */
    private static Map<String, String> extraEnvironment() {
        Map<String, String> extra = new java.util.HashMap<>();
        String spec = System.getProperty("benchmark.patchbayEnv", "");
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.startsWith("PATCHBAY_")) {
                extra.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return extra;
    }

    private ChildProcess launch(String name, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        ChildProcess child = ChildProcess.start(name, command, environment, log);
        started.add(child);
        return child;
    }

    private String numbersYaml(boolean statusCallback) {
        String app = "http://127.0.0.1:" + appPort;
        String callback = statusCallback ? ", statusCallback: \"" + app + "/status\", statusCallbackMethod: POST" : "";
        return "numbers:\n"
                + "  \"" + ROUTED_NUMBER + "\": {voiceUrl: \"" + app + "/voice\", voiceMethod: POST" + callback + "}\n"
                + "  \"" + HOLD_NUMBER + "\": {voiceUrl: \"" + app + "/hold\", voiceMethod: POST}\n";
    }

    /** Waits until the sim and the app server answer and Patchbay's {@code /health} says its ARI link is up. */
    void awaitReady(SimClient simClient, AppClient appClient, PatchbayClient patchbayClient) {
        awaitAnswer(sim, () -> simClient.liveChannels().map(n -> true));
        awaitAnswer(app, () -> appClient.stats().map(stats -> true));
        awaitAnswer(patchbay, () -> patchbayClient.health().map(reply -> reply.status() == 200));
    }

    private static void awaitAnswer(ChildProcess child, Supplier<Future<Boolean>> probe) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            child.ensureAlive();
            try {
                if (probe.get().await(5, TimeUnit.SECONDS)) {
                    return;
                }
            } catch (Exception notYet) {
                // Not listening yet: ask again shortly.
            }
            sleepMillis(200);
        }
        throw new IllegalStateException(child.name() + " was not ready within " + READY_TIMEOUT_MILLIS
                + " ms; see " + child.log());
    }

    /** Fails, naming its log, when one of the processes has died. */
    void ensureAlive() {
        for (ChildProcess child : started) {
            child.ensureAlive();
        }
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    ChildProcess sim() {
        return sim;
    }

    ChildProcess app() {
        return app;
    }

    ChildProcess patchbay() {
        return patchbay;
    }

    int simPort() {
        return simPort;
    }

    int appPort() {
        return appPort;
    }

    int patchbayPort() {
        return patchbayPort;
    }

    String accountSid() {
        return accountSid;
    }

    String authToken() {
        return authToken;
    }

    /** Stops Patchbay first (so it does not see its PBX vanish mid-call), then the app server, then the sim. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
        started.clear();
    }

    private static String randomHex(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
