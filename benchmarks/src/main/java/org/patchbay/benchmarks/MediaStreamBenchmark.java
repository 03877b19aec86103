package org.patchbay.benchmarks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Concurrent bidirectional Media Streams: N simulated callers each send a tone (one frame per 20 ms) into a
 * {@code <Connect><Stream>} whose app (in the driver) echoes every frame back. Prints, per N: frames on time at the
 * app (lateness within 40 ms, see {@link FrameTiming}), lateness percentiles, frames lost each way, Patchbay's CPU
 * per stream, and the machine's load, since the machine is shared. The sim and Patchbay run as their own processes.
 *
 * <pre>java -cp 'benchmarks/target/patchbay-benchmarks.jar:benchmarks/target/lib/*' \
 *     org.patchbay.benchmarks.MediaStreamBenchmark [--streams 50,100,200] [--seconds 20]</pre>
 */
public final class MediaStreamBenchmark {
    private static final double ON_TIME_MILLIS = 40;

    public static void main(String[] args) throws Exception {
        List<Integer> counts = List.of(50, 100, 200);
        int seconds = 20;
        Path jar = Path.of("plugin/server/target/patchbay.jar");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--streams" -> counts = Arrays.stream(args[i + 1].split(",")).map(Integer::parseInt).toList();
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--jar" -> jar = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path runDir = Path.of("benchmarks/target/runs/streams-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(runDir);
        Vertx vertx = Vertx.vertx();
        try (StreamRig rig = StreamRig.start(vertx, jar, runDir)) {
            System.out.printf("machine: %d cores; load average before: %s%n", Runtime.getRuntime().availableProcessors(),
                    loadAverage());
            System.out.println("streams | frames at app | Patchbay→app transit: ≤40 ms (p50/p99/p99.9/max ms)"
                    + " | caller→app vs 20 ms schedule: ≤40 ms (p50/p99/p99.9/max ms) | lost to app | echo lost to caller"
                    + " | Patchbay CPU ms per stream-second | machine busy | load avg");
            for (int count : counts) {
                System.out.println(run(rig, count, seconds));
            }
        } finally {
            vertx.close().await();
        }
    }

    private static String run(StreamRig rig, int count, int seconds) {
        rig.app().streams().clear();
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // 20 calls a second: the figures are about streams running, not about a burst of set-ups.
            calls.add(rig.sim().placeCall("+1555" + String.format("%07d", i), "1000").await());
            Cluster.sleepMillis(50);
        }
        Cluster.sleepMillis(500);
        waitFor(() -> rig.app().streams().size() >= count, "all " + count + " streams started");
        byte[] tone = tone(seconds);
        double cpuBefore = rig.patchbay().cpuMillis();
        double busyBefore = ProcCpu.machineBusyMillis();
        long wallBefore = System.nanoTime();
        List<Future<LocalHttp.Reply>> sending = new ArrayList<>();
        for (String call : calls) {
            sending.add(rig.http().postJson(rig.simPort(), "/sim/calls/" + call + "/audio",
                    new JsonObject().put("ulaw", java.util.Base64.getEncoder().encodeToString(tone))));
        }
        Future.all(sending).await();
        double wallMillis = (System.nanoTime() - wallBefore) / 1e6;
        double cpu = rig.patchbay().cpuMillis() - cpuBefore;
        double busy = ProcCpu.machineBusyMillis() - busyBefore;
        settle(rig);
        List<Double> lateness = new ArrayList<>();
        List<Double> transit = new ArrayList<>();
        long atApp = 0;
        long echoed = 0;
        for (FrameTiming stream : rig.app().streams().values()) {
            atApp += stream.frames();
            echoed += stream.echoedFrames();
            Arrays.stream(stream.latenessMillis()).forEach(lateness::add);
            Arrays.stream(stream.transitMillis()).forEach(transit::add);
        }
        long echoHeard = echoHeard(rig, calls, echoed);
        for (String call : calls) {
            rig.sim().hangUp(call).await();
        }
        waitFor(() -> rig.sim().liveChannels().await() == 0, "every channel gone after the hang-ups");
        long expected = (long) count * (tone.length / 160);
        return String.format("%d | %d | %s | %s | %d | %d | %.3f | %.0f %% | %s",
                count, atApp, summary(transit), summary(lateness),
                expected - atApp, echoed - echoHeard, cpu / (count * wallMillis / 1000.0),
                100.0 * busy / (wallMillis * Runtime.getRuntime().availableProcessors()), loadAverage());
    }

    /** "on-time % (p50/p99/p99.9/max)" of values in ms, on time meaning within 40 ms. */
    private static String summary(List<Double> millis) {
        long onTime = millis.stream().filter(value -> value <= ON_TIME_MILLIS).count();
        return String.format("%.2f %% (%.1f/%.1f/%.1f/%.1f)", 100.0 * onTime / Math.max(1, millis.size()),
                Percentiles.of(millis, 50), Percentiles.of(millis, 99), Percentiles.of(millis, 99.9),
                millis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
    }

    /** Waits until no more frames reach the app for a second: frames late by up to seconds still count. */
    private static void settle(StreamRig rig) {
        long before = -1;
        long now = 0;
        while (now != before) {
            before = now;
            Cluster.sleepMillis(1000);
            now = rig.app().streams().values().stream().mapToLong(FrameTiming::frames).sum();
        }
    }

    /** The echo frames the callers got, once the count stops growing (the sim plays them out at 20 ms each). */
    private static long echoHeard(StreamRig rig, List<String> calls, long echoed) {
        long heard = -1;
        long previous = -2;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (heard != previous && heard < echoed && System.nanoTime() < deadline) {
            previous = heard;
            Cluster.sleepMillis(1000);
            heard = 0;
            for (String call : calls) {
                heard += rig.http().get(rig.simPort(), "/sim/calls/" + call + "/audio", null).await()
                        .body().toJsonObject().getInteger("frames");
            }
        }
        return heard;
    }

    private static byte[] tone(int seconds) {
        byte[] tone = new byte[seconds * 8000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = org.patchbay.asterisk.sim.media.Ulaw.encode((int) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
        }
        return tone;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Cluster.sleepMillis(50);
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException unreadable) {
            return "?";
        }
    }

    private MediaStreamBenchmark() {
    }
}
