package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Playback;
import org.patchbay.core.call.PlaybackResult;
import org.patchbay.core.twiml.Hangup;
import org.patchbay.core.twiml.Leave;
import org.patchbay.core.twiml.Pause;
import org.patchbay.core.twiml.Play;
import org.patchbay.core.twiml.Redirect;
import org.patchbay.core.twiml.Say;
import org.patchbay.core.twiml.TwimlDocument;
import org.patchbay.core.twiml.Verb;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a caller hears while waiting (in a queue, or for a conference to start): the wait document's
 * Say, Play and Pause, fetched again each time it ends, or the PBX's hold music when there is no wait
 * URL. A {@code <Leave>} or {@code <Hangup>} in the document ends the wait; {@link #stop()} ends it
 * from outside (the caller was taken from the queue, the conference started).
 */
final class WaitLoop {
    /** How the wait ended. */
    enum Outcome { STOPPED, LEFT, HUNG_UP, CALL_ENDED }

    private final CallControl call;
    private final String waitUrl;
    private final String method;
    private final Supplier<Map<String, String>> params;
    private final Promise<Outcome> outcome = Promise.promise();
    private Playback playing;
    private boolean holdMusic;

    WaitLoop(CallControl call, String waitUrl, String method, Supplier<Map<String, String>> params) {
        this.call = call;
        this.waitUrl = waitUrl;
        this.method = method;
        this.params = params;
    }

    Future<Outcome> start() {
        call.whenEnded().onComplete(v -> outcome.tryComplete(Outcome.CALL_ENDED));
        if (waitUrl == null) {
            holdMusic = true;
            call.pbx().startMusicOnHold();
        } else if (!waitUrl.isEmpty()) {
            fetchAndPlay(call.resolve(waitUrl));
        }
        return outcome.future();
    }

    /** Ends the wait and, once the caller hears nothing from it any more, completes. */
    Future<Void> stop() {
        if (outcome.tryComplete(Outcome.STOPPED)) {
            if (holdMusic) {
                return call.pbx().stopMusicOnHold().recover(e -> Future.succeededFuture());
            }
            if (playing != null) {
                Playback current = playing;
                current.stop();
                return current.finished().mapEmpty();
            }
        }
        return Future.succeededFuture();
    }

    private void fetchAndPlay(String url) {
        if (done()) {
            return;
        }
        call.fetchDocument(url, method, params.get()).onComplete(fetched -> {
            if (fetched.failed()) {
                holdMusic = true;
                call.pbx().startMusicOnHold();
                return;
            }
            play(url, fetched.result(), fetched.result().verbs().iterator());
        });
    }

    private void play(String url, TwimlDocument document, Iterator<Verb> verbs) {
        if (done()) {
            return;
        }
        if (!verbs.hasNext()) {
            fetchAndPlay(url);
            return;
        }
        Verb verb = verbs.next();
        if (verb instanceof Leave) {
            outcome.tryComplete(Outcome.LEFT);
        } else if (verb instanceof Hangup) {
            outcome.tryComplete(Outcome.HUNG_UP);
        } else if (verb instanceof Redirect redirect) {
            fetchAndPlay(call.resolve(redirect.url()));
        } else {
            step(verb).onComplete(done -> play(url, document, verbs));
        }
    }

    private Future<PlaybackResult> step(Verb verb) {
        if (verb instanceof Pause pause) {
            return call.pause(pause.lengthSeconds() * 1000L).map(PlaybackResult.DONE);
        }
        if (verb instanceof Say say) {
            return call.speech(say).compose(media -> playOnce(media));
        }
        if (verb instanceof Play play && play.url() != null) {
            return PlayMedia.of(call, call.resolve(play.url()))
                    .compose(media -> media == null ? Future.succeededFuture(PlaybackResult.DONE) : playOnce(media));
        }
        return Future.succeededFuture(PlaybackResult.DONE);
    }

    private Future<PlaybackResult> playOnce(String media) {
        if (done()) {
            return Future.succeededFuture(PlaybackResult.STOPPED);
        }
        playing = call.startPlayback(List.of(media));
        return playing.finished();
    }

    private boolean done() {
        return outcome.future().isComplete();
    }
}
