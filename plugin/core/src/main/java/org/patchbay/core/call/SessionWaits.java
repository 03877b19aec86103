package org.patchbay.core.call;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.patchbay.core.telephony.Telephony;
import org.patchbay.core.telephony.TelephonyEvent;
import org.patchbay.core.telephony.TelephonyException;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The things a call waits on: playbacks, pauses and timers. All of them are registered in
 * {@link Interruptions}, so a hang-up or a redirect releases every one at once.
 */
final class SessionWaits {
    private final Vertx vertx;
    private final Telephony telephony;
    private final SessionListeners listeners;
    private final BooleanSupplier ended;
    private final Interruptions open = new Interruptions();
    private int playbacks;

    SessionWaits(Vertx vertx, Telephony telephony, SessionListeners listeners, BooleanSupplier ended) {
        this.vertx = vertx;
        this.telephony = telephony;
        this.listeners = listeners;
        this.ended = ended;
    }

    /** Releases every open wait; with {@code channelAlive} the PBX is also asked to stop what it plays. */
    void interruptAll(boolean channelAlive) {
        open.interruptAll(channelAlive);
    }

    Playback play(String callSid, String channelId, List<String> media) {
        Tracked playback = new Tracked(callSid + "-p" + (++playbacks));
        if (ended.getAsBoolean()) {
            playback.settle(PlaybackResult.INTERRUPTED);
            return playback;
        }
        listeners.listen(playback.id, playback::onEvent, false);
        open.add(playback, playback::interrupt);
        playback.requested = telephony.play(channelId, playback.id, media, null)
                .onFailure(e -> playback.settle(e instanceof TelephonyException pbx && pbx.isGone()
                        ? PlaybackResult.INTERRUPTED : PlaybackResult.FAILED));
        return playback;
    }

    /**
     * One playback's life: its events, a stop on request, and release when the call moves on. A stop
     * waits for the play request to be answered (over a connection pool the DELETE could otherwise
     * overtake the POST and find nothing), and is sent again if the playback starts after all.
     */
    private final class Tracked implements Playback {
        private final String id;
        private final Promise<PlaybackResult> result = Promise.promise();
        private Future<Void> requested = Future.succeededFuture();
        private boolean stopping;

        Tracked(String id) {
            this.id = id;
        }

        void onEvent(TelephonyEvent event) {
            if (event instanceof TelephonyEvent.PlaybackStarted && stopping) {
                telephony.stopPlayback(id);
            } else if (event instanceof TelephonyEvent.PlaybackFinished finished) {
                settle(stopping ? PlaybackResult.STOPPED : finished.failed() ? PlaybackResult.FAILED : PlaybackResult.DONE);
            }
        }

        void interrupt(boolean channelAlive) {
            if (channelAlive) {
                requested.onComplete(v -> telephony.stopPlayback(id));
            }
            settle(PlaybackResult.INTERRUPTED);
        }

        void settle(PlaybackResult outcome) {
            listeners.unlisten(id);
            open.remove(this);
            result.tryComplete(outcome);
        }

        @Override
        public Future<PlaybackResult> finished() {
            return result.future();
        }

        @Override
        public void stop() {
            if (!result.future().isComplete() && !ended.getAsBoolean()) {
                stopping = true;
                requested.onComplete(v -> telephony.stopPlayback(id));
            }
        }
    }

    Future<Void> pause(long millis) {
        if (ended.getAsBoolean() || millis <= 0) {
            return Future.succeededFuture();
        }
        Promise<Void> done = Promise.promise();
        long timer = vertx.setTimer(millis, id -> {
            open.remove(done);
            done.tryComplete();
        });
        open.add(done, channelAlive -> {
            vertx.cancelTimer(timer);
            done.tryComplete();
        });
        return done.future();
    }

    Cancellable schedule(long millis, Runnable action) {
        Object key = new Object();
        long timer = vertx.setTimer(Math.max(1, millis), id -> {
            open.remove(key);
            if (!ended.getAsBoolean()) {
                action.run();
            }
        });
        open.add(key, channelAlive -> vertx.cancelTimer(timer));
        return () -> {
            open.remove(key);
            vertx.cancelTimer(timer);
        };
    }
}
