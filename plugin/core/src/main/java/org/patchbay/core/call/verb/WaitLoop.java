package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.Playback;
import org.patchbay.core.call.PlaybackResult;
import org.patchbay.core.twiml.Gather;
import org.patchbay.core.twiml.Hangup;
import org.patchbay.core.twiml.Leave;
import org.patchbay.core.twiml.Pause;
import org.patchbay.core.twiml.Play;
import org.patchbay.core.twiml.Redirect;
import org.patchbay.core.twiml.Say;
import org.patchbay.core.twiml.TwimlDocument;
import org.patchbay.core.twiml.Verb;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a caller hears while waiting (in a queue, or for a conference to start): the wait document's
 * Say, Play and Pause (with their {@code loop}), fetched again each time it ends (after a pause when
 * it had nothing to hear), or the PBX's hold music when there is no wait URL. A {@code <Gather>} collects keys as
 * anywhere else; its action's document is then played as part of the wait (it may {@code <Leave>}), after which the
 * wait document is fetched again. Other verbs are skipped with a 12200 warning. A {@code <Leave>} or
 * {@code <Hangup>} in the document ends the wait; {@link #stop()} ends it from outside (the caller was taken from
 * the queue, the conference started).
 */
final class WaitLoop {
    /** How the wait ended. */
    enum Outcome { STOPPED, LEFT, HUNG_UP, CALL_ENDED }

    private final CallControl call;
    private final String waitUrl;
    private final String method;
    private final Supplier<Map<String, String>> params;
    static final long EMPTY_DOCUMENT_PAUSE_MS = 1000;

    private final Promise<Outcome> outcome = Promise.promise();
    private Playback playing;
    private GatherRun gathering;
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
            if (gathering != null) {
                return gathering.cancel();
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
        fetchAndPlay(url, url, method, params.get());
    }

    /** Fetches {@code url} and plays it; once it has run out, {@code then} is fetched again (the wait document). */
    private void fetchAndPlay(String url, String then, String fetchMethod, Map<String, String> fetchParams) {
        if (done()) {
            return;
        }
        call.fetchDocument(url, fetchMethod, fetchParams).onComplete(fetched -> {
            if (fetched.failed()) {
                holdMusic = true;
                call.pbx().startMusicOnHold();
                return;
            }
            play(then, fetched.result(), fetched.result().verbs().iterator());
        });
    }

    private void play(String url, TwimlDocument document, Iterator<Verb> verbs) {
        if (done()) {
            return;
        }
        if (!verbs.hasNext()) {
            if (document.verbs().stream().noneMatch(WaitLoop::takesTime)) {
                // a document with nothing to hear would otherwise be fetched again at once, over and over
                call.pause(EMPTY_DOCUMENT_PAUSE_MS).onComplete(v -> fetchAndPlay(url));
            } else {
                fetchAndPlay(url);
            }
            return;
        }
        Verb verb = verbs.next();
        if (verb instanceof Leave) {
            outcome.tryComplete(Outcome.LEFT);
        } else if (verb instanceof Hangup) {
            outcome.tryComplete(Outcome.HUNG_UP);
        } else if (verb instanceof Redirect redirect) {
            fetchAndPlay(call.resolve(redirect.url()));
        } else if (verb instanceof Gather gather) {
            gather(url, document, verbs, gather);
        } else {
            step(verb).onComplete(done -> play(url, document, verbs));
        }
    }

    /** Keys go to the Gather's action (without one, to the wait document), whose answer plays as part of the wait. */
    private void gather(String url, TwimlDocument document, Iterator<Verb> verbs, Gather gather) {
        gathering = new GatherRun(call, gather);
        gathering.start().onComplete(next -> {
            gathering = null;
            if (done()) {
                return;
            }
            if (next.succeeded() && next.result() instanceof Next.Fetch fetch) {
                Map<String, String> withKeys = new LinkedHashMap<>(params.get());
                withKeys.putAll(fetch.params());
                fetchAndPlay(gather.action() == null ? url : fetch.url(), url, fetch.method(), withKeys);
            } else {
                play(url, document, verbs);
            }
        });
    }

    private static boolean takesTime(Verb verb) {
        return verb instanceof Pause || verb instanceof Say || verb instanceof Play || verb instanceof Gather;
    }

    private Future<PlaybackResult> step(Verb verb) {
        if (verb instanceof Pause pause) {
            return call.pause(pause.lengthSeconds() * 1000L).map(PlaybackResult.DONE);
        }
        if (verb instanceof Say say) {
            return call.speech(say).compose(media -> playTimes(media, say.loop(), 0));
        }
        if (verb instanceof Play play && play.url() != null) {
            return PlayMedia.of(call, call.resolve(play.url())).compose(media -> media == null
                    ? Future.succeededFuture(PlaybackResult.DONE) : playTimes(media, play.loop(), 0));
        }
        call.warn(12200, "<" + verb.getClass().getSimpleName().replace("Verb", "") + "> in a wait document is not supported by Patchbay and was skipped");
        return Future.succeededFuture(PlaybackResult.DONE);
    }

    /** {@code loop} as on Twilio: that many times, 0 = until the wait ends. */
    private Future<PlaybackResult> playTimes(String media, int loop, int done) {
        int times = loop == 0 ? Loops.FOREVER : loop;
        if (done >= times) {
            return Future.succeededFuture(PlaybackResult.DONE);
        }
        return playOnce(media).compose(result -> result == PlaybackResult.DONE
                ? playTimes(media, loop, done + 1) : Future.succeededFuture(result));
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
