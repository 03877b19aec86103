package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.PlaybackResult;
import org.patchbay.core.call.VerbExecutor;
import org.patchbay.core.twiml.Play;

/**
 * {@code <Play>}: the URL (relative ones resolve against the document, as on Twilio) becomes media
 * Asterisk plays (see {@link PlayMedia}), {@code loop} times; media that cannot be had is skipped.
 * With {@code digits} it sends DTMF instead.
 */
public final class PlayExecutor implements VerbExecutor<Play> {
    @Override
    public Future<Next> execute(CallControl call, Play play) {
        if (play.digits() != null) {
            return call.sendDtmf(play.digits()).map(v -> Next.CONTINUE);
        }
        return PlayMedia.of(call, call.resolve(play.url()))
                .compose(media -> media == null ? Future.succeededFuture(PlaybackResult.DONE) : Loops.play(call, media, play.loop()))
                .map(result -> Next.CONTINUE);
    }
}
