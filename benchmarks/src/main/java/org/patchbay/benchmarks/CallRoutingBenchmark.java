package org.patchbay.benchmarks;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The call-routing benchmark: N simulated inbound calls per second against an application server answering
 * {@code <Say>} + {@code <Hangup/>}, with the simulated Asterisk, the application server and Patchbay each in
 * its own process. Prints calls per second sustained, failed calls, StasisStart → first play request
 * latency, heap per live session and each process's CPU time per call. See {@code benchmarks/README.md}.
 * The main thread orchestrates and may block; calls are placed and checked on the driver's one event loop.
 */
public final class CallRoutingBenchmark {
    private CallRoutingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(BenchOptions.usage());
            return;
        }
        Path target = Path.of(CallRoutingBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent();
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, target.getParent().getParent());
        } catch (IllegalArgumentException invalid) {
            System.err.println("call-routing benchmark: " + invalid.getMessage());
            System.exit(2);
            return;
        }
        Path runDir = Files.createDirectories(target.resolve("runs")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        System.exit(runGuarded(options, runDir));
    }

    /** Runs the benchmark; whatever happens (failure, Ctrl-C), the three processes are stopped. */
    private static int runGuarded(BenchOptions options, Path runDir) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        AtomicReference<Cluster> cluster = new AtomicReference<>();
        Thread stopOnExit = new Thread(() -> {
            Cluster started = cluster.get();
            if (started != null) {
                started.close();
            }
        }, "benchmark-cleanup");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            Report.header(options, runDir);
            cluster.set(Cluster.start(options, System.getProperty("java.class.path"), runDir));
            run(vertx, options, cluster.get());
            return 0;
        } catch (Exception failure) {
            System.err.println("call-routing benchmark failed: " + failure.getMessage()
                    + " (process logs in " + runDir + ")");
            failure.printStackTrace();
            return 1;
        } finally {
            Cluster started = cluster.getAndSet(null);
            if (started != null) {
                started.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // Interrupted by a signal: the hook is running already.
            }
            try {
                vertx.close().await(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // Exiting anyway.
            }
        }
    }

    private static void run(Vertx vertx, BenchOptions options, Cluster cluster) {
        Context context = vertx.getOrCreateContext();
        LocalHttp http = new LocalHttp(vertx, context, options.concurrency());
        SimClient sim = new SimClient(http, cluster.simPort());
        AppClient app = new AppClient(http, cluster.appPort());
        PatchbayClient patchbay = new PatchbayClient(http, cluster.patchbayPort(), cluster.accountSid(),
                cluster.authToken());
        cluster.awaitReady(sim, app, patchbay);
        System.out.println("ready: asterisk-sim pid " + cluster.sim().pid() + ", app-server pid "
                + cluster.app().pid() + ", patchbay pid " + cluster.patchbay().pid());

        CpuMeter cpu = new CpuMeter(List.of(cluster.patchbay(), cluster.sim(), cluster.app()));
        LoadGenerator load = new LoadGenerator(vertx, context, sim, options.concurrency(), new CallerNumbers());
        RoutingStep steps = new RoutingStep(context, sim, app, patchbay, load, cpu, options.statusCallback(),
                cluster::ensureAlive);
        Report report = new Report(cpu.names());

        report.columns();
        StepResult warmUp = steps.run("warm-up", options.warmupRate(), options.warmupSeconds());
        report.step(warmUp);
        // The last warm-up call was placed at a gentle rate, so the drain after it is one call's whole length.
        double callSeconds = warmUp.drainSeconds();

        List<StepResult> results = new ArrayList<>();
        for (int rate : options.rates()) {
            List<StepResult> runs = new ArrayList<>();
            for (int i = 1; i <= options.repeat(); i++) {
                StepResult step = steps.run(rate + "/s #" + i, rate, options.seconds());
                report.step(step);
                runs.add(step);
            }
            results.addAll(runs);
            if (options.rates().size() > 1 && !Row.median(rate, runs, cpu.names()).sustained(callSeconds)) {
                System.out.println("(stopping the steps: " + rate + " calls/s was not sustained)");
                break;
            }
        }

        HeapResult heap = null;
        HeapProbe probe = new HeapProbe(cluster.patchbay().pid());
        if (options.holdCalls() > 0 && probe.available()) {
            System.out.println("holding " + options.holdCalls() + " calls open to weigh a live session...");
            heap = new HoldPhase(context, sim, app, patchbay, load, steps, probe).run(options.holdCalls());
        } else if (options.holdCalls() > 0) {
            System.out.println("(no jcmd in " + System.getProperty("java.home") + ": heap per session not measured)");
        }
        report.summary(results, heap, callSeconds);
        http.close().await();
    }
}
