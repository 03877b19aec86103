package org.patchbay.server.simulate;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.asterisk.sim.SimulatedAsterisk;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.notification.Notification;
import org.patchbay.core.telephony.TelephonyStatus;
import org.patchbay.server.Patchbay;
import org.patchbay.server.config.ConfigException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One simulated call from start to finish: Patchbay in sandbox mode (memory store, HTTP on a free
 * port for speech media, the simulated Asterisk sped up), the number mapped to the app, the call
 * followed to its end, then everything stopped. Runs on the CLI's main thread, which may block.
 */
final class Simulation {
    /** Prompts, rings and recordings run 20 times as fast; Patchbay's own timers (Gather timeout) do not. */
    static final double TIME_SCALE = 0.05;
    private static final long STOP_SECONDS = 10;

    private final SimulateOptions options;
    private final long deadline;
    private final Vertx vertx = Vertx.vertx();
    private final AtomicReference<SpeechLog> speech = new AtomicReference<>();
    private Patchbay patchbay;

    private Simulation(SimulateOptions options) {
        this.options = options;
        this.deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.timeoutSeconds());
    }

    static Transcript run(SimulateOptions options, Map<String, String> env) {
        Simulation simulation = new Simulation(options);
        try {
            return simulation.call(env);
        } finally {
            simulation.stop();
        }
    }

    private Transcript call(Map<String, String> env) {
        try {
            patchbay = await(Patchbay.start(vertx, SimulationConfig.of(options, env), engine -> {
                speech.set(new SpeechLog(engine));
                return speech.get();
            }), "start Patchbay");
        } catch (ConfigException e) {
            throw new SimulationFailure(Verdict.BAD_OPTIONS, e.getMessage());
        }
        SimulatedAsterisk sim = patchbay.sandbox().asterisk();
        await(sim.setTimeScale(TIME_SCALE), "speed up the simulated Asterisk");
        awaitAriConnected();
        CallFollower follower = new CallFollower(sim, options.script(), options.from(), options.to(), TIME_SCALE);
        await(vertx.deployVerticle(follower), "place the call");
        Followed followed;
        try {
            followed = follow(follower.whenEnded());
        } catch (TimeoutException e) {
            followed = await(follower.soFar(), "see how far the call got", STOP_SECONDS);
        }
        List<Notification> notifications = notifications(followed.lastRecord());
        Verdict verdict = Verdicts.of(followed, Verdicts.unexplained(notifications, followed.steps()), options.timeoutSeconds());
        return TranscriptBuilder.build(followed, speech.get(), Verdicts.worthShowing(notifications, followed.steps()), verdict);
    }

    private Followed follow(Future<Followed> ended) throws TimeoutException {
        try {
            return ended.toCompletionStage().toCompletableFuture().get(remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new SimulationFailure(Verdict.APP_FAILED, "could not follow the call: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationFailure(Verdict.APP_FAILED, "interrupted");
        }
    }

    private List<Notification> notifications(CallRecord call) {
        if (call == null) {
            return List.of();
        }
        return await(patchbay.store().of(Notification.KIND).list(call.accountSid(),
                n -> call.sid().equals(n.callSid()), 0, 100), "read the call's notifications", STOP_SECONDS).items();
    }

    /** Patchbay's ARI client connects on its own after start; a call placed before would never reach it. */
    private void awaitAriConnected() {
        while (patchbay.telephony().status().state() != TelephonyStatus.State.CONNECTED) {
            if (remainingNanos() <= 0) {
                throw new SimulationFailure(Verdict.TIMED_OUT, "Patchbay did not connect to the simulated Asterisk within "
                        + options.timeoutSeconds() + " s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimulationFailure(Verdict.APP_FAILED, "interrupted");
            }
        }
    }

    private <T> T await(Future<T> future, String what) {
        return await(future, what, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(remainingNanos())));
    }

    private <T> T await(Future<T> future, String what, long seconds) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new SimulationFailure(Verdict.TIMED_OUT, "could not " + what + " within " + seconds + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException config) {
                throw config;
            }
            throw new SimulationFailure(Verdict.APP_FAILED, "could not " + what + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationFailure(Verdict.APP_FAILED, "interrupted while trying to " + what);
        }
    }

    private long remainingNanos() {
        return deadline - System.nanoTime();
    }

    /** Stops Patchbay (and with it the simulated Asterisk) and Vert.x, without letting a slow stop hang the CLI. */
    private void stop() {
        Future<Void> stopped = patchbay == null ? Future.succeededFuture() : patchbay.stop();
        try {
            stopped.transform(ignored -> vertx.close()).toCompletionStage().toCompletableFuture().get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Nothing the user can act on: the process is about to exit and the transcript is already complete.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
