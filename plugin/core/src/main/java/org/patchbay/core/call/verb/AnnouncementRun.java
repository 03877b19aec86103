package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.twiml.Pause;
import org.patchbay.core.twiml.Play;
import org.patchbay.core.twiml.Redirect;
import org.patchbay.core.twiml.Say;
import org.patchbay.core.twiml.TwimlDocument;
import org.patchbay.core.twiml.Verb;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A {@code <Queue url>} document run on the dequeued caller before the bridge: {@code <Say>}, {@code <Play>},
 * {@code <Pause>} and {@code <Redirect>}, the verbs Twilio allows there; any other is skipped with a 12200 warning.
 * It always completes (a document that cannot be fetched is skipped), so the caller is connected either way.
 */
final class AnnouncementRun {
    /** Redirects followed within one announcement, so that a document redirecting to itself still ends. */
    static final int MAX_REDIRECTS = 10;

    private final CallControl call;
    private final Map<String, String> params;

    AnnouncementRun(CallControl call, Map<String, String> params) {
        this.call = call;
        this.params = params;
    }

    Future<Void> run(String url, String method) {
        return fetchAndPlay(url, method, 0);
    }

    private Future<Void> fetchAndPlay(String url, String method, int redirects) {
        return call.fetchDocument(url, method, params)
                .compose(document -> play(document, document.verbs().iterator(), redirects))
                .recover(e -> Future.succeededFuture());
    }

    private Future<Void> play(TwimlDocument document, Iterator<Verb> verbs, int redirects) {
        if (!verbs.hasNext() || call.whenEnded().isComplete()) {
            return Future.succeededFuture();
        }
        Verb verb = verbs.next();
        if (verb instanceof Redirect redirect) {
            return redirects >= MAX_REDIRECTS ? Future.succeededFuture()
                    : fetchAndPlay(call.resolve(redirect.url()), redirect.method(), redirects + 1);
        }
        return step(verb).compose(v -> play(document, verbs, redirects));
    }

    private Future<Void> step(Verb verb) {
        if (verb instanceof Pause pause) {
            return call.pause(pause.lengthSeconds() * 1000L);
        }
        if (verb instanceof Say say) {
            return call.speech(say).compose(media -> times(media, once(say.loop())));
        }
        if (verb instanceof Play play && play.url() != null) {
            return PlayMedia.of(call, call.resolve(play.url())).compose(media -> media == null
                    ? Future.succeededFuture() : times(media, once(play.loop())));
        }
        call.warn(12200, "<" + verb.getClass().getSimpleName().replace("Verb", "")
                + "> in a <Queue url> document is not supported (Twilio allows Say, Play, Pause and Redirect) and was skipped");
        return Future.succeededFuture();
    }

    /** {@code loop} 0 (until interrupted) would never end and the caller would never be connected: it plays once. */
    private static int once(int loop) {
        return loop <= 0 ? 1 : loop;
    }

    private Future<Void> times(String media, int left) {
        if (left == 0 || call.whenEnded().isComplete()) {
            return Future.succeededFuture();
        }
        return call.startPlayback(List.of(media)).finished().compose(v -> times(media, left - 1));
    }
}
