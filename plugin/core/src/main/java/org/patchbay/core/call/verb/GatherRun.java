package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Cancellable;
import org.patchbay.core.call.Next;
import org.patchbay.core.events.GatherCompleted;
import org.patchbay.core.events.GatherStarted;
import org.patchbay.core.call.Playback;
import org.patchbay.core.call.PlaybackResult;
import org.patchbay.core.twiml.Gather;
import org.patchbay.core.twiml.Pause;
import org.patchbay.core.twiml.Play;
import org.patchbay.core.twiml.Prompt;
import org.patchbay.core.twiml.Say;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code <Gather>} on a call, with Twilio's rules: keys are collected from the first prompt on;
 * with bargeIn a key stops the prompt at once and skips the rest; the timeout runs after the last
 * prompt and again after every key; {@code finishOnKey} (not part of the digits) or {@code numDigits}
 * ends it early. Input goes to {@code action} (or the current document) as {@code Digits}; no input
 * falls through to the next verb unless {@code actionOnEmptyResult}.
 */
final class GatherRun {
    private final CallControl call;
    private final Gather gather;
    private final Promise<Next> result = Promise.promise();
    private final StringBuilder digits = new StringBuilder();
    private boolean prompting = true;
    private boolean bargedIn;
    private Playback playing;
    private Cancellable timeout;
    private String finishedOnKey = "";

    GatherRun(CallControl call, Gather gather) {
        this.call = call;
        this.gather = gather;
    }

    Future<Next> start() {
        call.onDtmf(this::onKey);
        playPrompts(gather.prompts().iterator());
        return result.future();
    }

    private void playPrompts(Iterator<Prompt> prompts) {
        if (done()) {
            return;
        }
        if (bargedIn || !prompts.hasNext()) {
            prompting = false;
            call.publish(new GatherStarted(call.record(), Instant.now(), gather.numDigits(), gather.finishOnKey(),
                    gather.timeoutSeconds()));
            armTimeout();
            return;
        }
        prompt(prompts.next()).onComplete(played -> {
            if (played.succeeded() && played.result() == PlaybackResult.INTERRUPTED) {
                return;
            }
            playPrompts(prompts);
        });
    }

    private Future<PlaybackResult> prompt(Prompt prompt) {
        if (prompt instanceof Pause pause) {
            return call.pause(pause.lengthSeconds() * 1000L).map(PlaybackResult.DONE);
        }
        if (prompt instanceof Say say) {
            if (say.text() == null || say.text().isBlank()) {
                return Future.succeededFuture(PlaybackResult.DONE);
            }
            return call.speech(say).compose(media -> repeat(media, say.loop()));
        }
        Play play = (Play) prompt;
        if (play.digits() != null) {
            return call.sendDtmf(play.digits()).map(PlaybackResult.DONE);
        }
        return PlayMedia.of(call, call.resolve(play.url()))
                .compose(media -> media == null ? Future.succeededFuture(PlaybackResult.DONE) : repeat(media, play.loop()));
    }

    private Future<PlaybackResult> repeat(String media, int loop) {
        int times = loop == 0 ? Loops.FOREVER : loop;
        return repeatFrom(media, times, 0);
    }

    private Future<PlaybackResult> repeatFrom(String media, int times, int done) {
        if (done >= times || bargedIn || done()) {
            return Future.succeededFuture(PlaybackResult.DONE);
        }
        playing = call.startPlayback(List.of(media));
        return playing.finished().compose(outcome -> outcome == PlaybackResult.DONE
                ? repeatFrom(media, times, done + 1) : Future.succeededFuture(outcome));
    }

    private void onKey(char key) {
        if (done()) {
            return;
        }
        if (gather.finishOnKey().indexOf(key) >= 0) {
            finishedOnKey = String.valueOf(key);
            finish();
            return;
        }
        digits.append(key);
        if (gather.numDigits() != null && digits.length() >= gather.numDigits()) {
            finish();
        } else if (prompting && gather.bargeIn()) {
            bargeIn();
        } else if (!prompting) {
            armTimeout();
        }
    }

    private void bargeIn() {
        bargedIn = true;
        if (playing != null) {
            playing.stop();
        }
    }

    private void armTimeout() {
        if (timeout != null) {
            timeout.cancel();
        }
        timeout = call.schedule(gather.timeoutSeconds() * 1000L, this::finish);
    }

    private void finish() {
        if (done()) {
            return;
        }
        call.onDtmf(null);
        if (timeout != null) {
            timeout.cancel();
        }
        if (playing != null) {
            playing.stop();
        }
        call.publish(new GatherCompleted(call.record(), Instant.now(), digits.toString(), finishedOnKey));
        if (digits.length() == 0 && !gather.actionOnEmptyResult()) {
            result.complete(Next.CONTINUE);
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Digits", digits.toString());
        params.put("FinishedOnKey", finishedOnKey);
        String action = gather.action() == null ? call.documentUrl() : call.resolve(gather.action());
        result.complete(new Next.Fetch(action, gather.method(), params));
    }

    /**
     * Ends the Gather from outside (the wait document it is in has ended: the caller was taken, the conference
     * started): no action is requested; completes once the caller hears nothing more from it.
     */
    Future<Void> cancel() {
        if (done()) {
            return Future.succeededFuture();
        }
        call.onDtmf(null);
        if (timeout != null) {
            timeout.cancel();
        }
        result.complete(Next.CONTINUE);
        if (playing == null) {
            return Future.succeededFuture();
        }
        playing.stop();
        return playing.finished().mapEmpty();
    }

    private boolean done() {
        return result.future().isComplete();
    }
}
