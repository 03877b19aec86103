package org.patchbay.benchmarks;

import io.vertx.core.Context;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One measured step: calls to the {@code <Say>} number at a fixed rate, then the wait until every call is
 * over (and its status callback delivered), then the checks. It starts once the machine is quiet. CPU is sampled just before the first call and
 * just after the last callback, so the step is charged all of its calls' work and nothing of the checks.
 * Runs on the driver's main thread, which may block; the load itself runs on the driver's event loop.
 */
final class RoutingStep {
    private static final long SETTLE_MILLIS = 500;
    private static final long POLL_MILLIS = 100;
    private static final long DRAIN_TIMEOUT_MILLIS = 120_000;
    private static final long CALLBACK_TIMEOUT_MILLIS = 15_000;
    /** Other programs on the machine (builds, tests) above this share of one core distort every figure. */
    private static final double QUIET_OTHERS_PERCENT = 25;
    private static final long QUIET_SAMPLE_MILLIS = 1_000;
    private static final long QUIET_TIMEOUT_MILLIS = 120_000;

    private final Context context;
    private final SimClient sim;
    private final AppClient app;
    private final PatchbayClient patchbay;
    private final LoadGenerator load;
    private final CpuMeter cpu;
    private final boolean statusCallback;
    private final Runnable ensureAlive;

    /** {@code ensureAlive} throws when a process under test has died, so no wait outlives it. */
    RoutingStep(Context context, SimClient sim, AppClient app, PatchbayClient patchbay, LoadGenerator load,
                CpuMeter cpu, boolean statusCallback, Runnable ensureAlive) {
        this.context = context;
        this.sim = sim;
        this.app = app;
        this.patchbay = patchbay;
        this.load = load;
        this.cpu = cpu;
        this.statusCallback = statusCallback;
        this.ensureAlive = ensureAlive;
    }

    StepResult run(String label, int rate, double seconds) {
        awaitQuiet();
        awaitQuietMachine();
        sim.clearTimings().await();
        long callbacksBefore = app.stats().await().getLong("status");
        CpuMeter.Sample before = cpu.sample();
        LoadGenerator.Outcome outcome = load.run(rate, seconds, Cluster.ROUTED_NUMBER).await();
        long placedAt = System.nanoTime();
        awaitUntil("the simulator to have no channel left", DRAIN_TIMEOUT_MILLIS,
                () -> sim.liveChannels().await() == 0);
        double drainSeconds = (System.nanoTime() - placedAt) / 1e9;
        if (statusCallback) {
            awaitCallbacks(callbacksBefore + outcome.placed().size());
        }
        CpuMeter.Usage usage = cpu.sample().since(before);
        CallChecks.Verdict verdict = CallChecks.judge(context, sim, patchbay, outcome.placed()).await();
        int calls = outcome.placed().size() + outcome.refused();
        int failed = verdict.failed() + outcome.refused();
        if (outcome.refused() > 0) {
            verdict.reasons().merge("refused by the simulator (" + outcome.firstRefusal() + ")", outcome.refused(),
                    Integer::sum);
        }
        return new StepResult(label, rate, outcome.placedPerSecond(), calls, calls - failed, failed,
                verdict.reasons(), Percentiles.of(verdict.latenciesMillis(), 50),
                Percentiles.of(verdict.latenciesMillis(), 99), Percentiles.of(verdict.latenciesMillis(), 100),
                drainSeconds, outcome.maxLagMillis(), usage);
    }

    /**
     * Waits for every call's {@code completed} callback; one still missing after the wait is Patchbay's to
     * deliver later (it retries), so it is reported rather than failing the run.
     */
    private void awaitCallbacks(long expected) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CALLBACK_TIMEOUT_MILLIS);
        long received = app.stats().await().getLong("status");
        while (received < expected && System.nanoTime() < deadline) {
            Cluster.sleepMillis(POLL_MILLIS);
            received = app.stats().await().getLong("status");
        }
        if (received < expected) {
            System.out.printf(Locale.ROOT, "    (%d status callbacks had not arrived %d s after the last call)%n",
                    expected - received, CALLBACK_TIMEOUT_MILLIS / 1000);
        }
    }

    /** Nothing left of an earlier step: no channel in the simulator, no live session in Patchbay. */
    void awaitQuiet() {
        awaitUntil("the simulator to be idle", DRAIN_TIMEOUT_MILLIS, () -> sim.liveChannels().await() == 0);
        awaitUntil("Patchbay to have no live call", DRAIN_TIMEOUT_MILLIS, () -> patchbay.liveCalls().await() == 0);
        Cluster.sleepMillis(SETTLE_MILLIS);
    }

    /**
     * Waits (up to two minutes) until programs outside the benchmark leave the machine mostly idle, so a step
     * does not start in the middle of someone's build; says so when it had to wait or gave up.
     */
    private void awaitQuietMachine() {
        long start = System.nanoTime();
        double others = cpu.othersPercentOver(QUIET_SAMPLE_MILLIS);
        while (others > QUIET_OTHERS_PERCENT) {
            if (System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(QUIET_TIMEOUT_MILLIS)) {
                System.out.printf(Locale.ROOT, "    (other programs still use %.0f%% of a core; measuring anyway)%n",
                        others);
                return;
            }
            others = cpu.othersPercentOver(QUIET_SAMPLE_MILLIS);
        }
        double waited = (System.nanoTime() - start) / 1e9 - QUIET_SAMPLE_MILLIS / 1000.0;
        if (waited > 0.5) {
            System.out.printf(Locale.ROOT, "    (waited %.0f s for other programs to leave the machine idle)%n", waited);
        }
    }

    void awaitUntil(String what, long timeoutMillis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!condition.getAsBoolean()) {
            ensureAlive.run();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            Cluster.sleepMillis(POLL_MILLIS);
        }
    }
}
