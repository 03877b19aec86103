package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.VerbExecutor;
import org.patchbay.core.twiml.Play;

/**
 * {@code <Play>}: a URL (relative ones resolve against the document, as on Twilio) is fetched by
 * Asterisk's HTTP media cache ({@code sound:http...}); an Asterisk media reference ({@code sound:},
 * {@code recording:}, {@code tone:}, ...) plays as is. A bare name left unresolved (inline TwiML has no
 * document URL) is taken as a sound. With {@code digits} it sends DTMF instead.
 */
public final class PlayExecutor implements VerbExecutor<Play> {
    @Override
    public Future<Next> execute(CallControl call, Play play) {
        if (play.digits() != null) {
            return call.sendDtmf(play.digits()).map(v -> Next.CONTINUE);
        }
        return Loops.play(call, mediaUri(call.resolve(play.url())), play.loop()).map(result -> Next.CONTINUE);
    }

    static String mediaUri(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return "sound:" + url;
        }
        return url.contains(":") ? url : "sound:" + url;
    }
}
