package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.PlaybackResult;

import java.util.List;

/** Twilio's {@code loop} attribute: play N times, or until interrupted when N is 0. */
final class Loops {
    /** Twilio treats loop="0" as "until the caller does something"; a bound keeps a forgotten call finite. */
    static final int FOREVER = 1000;

    private Loops() {
    }

    static Future<PlaybackResult> play(CallControl call, String media, int loop) {
        return playFrom(call, media, loop == 0 ? FOREVER : loop, 0);
    }

    private static Future<PlaybackResult> playFrom(CallControl call, String media, int times, int done) {
        if (done >= times) {
            return Future.succeededFuture(PlaybackResult.DONE);
        }
        return call.play(List.of(media)).compose(result -> result == PlaybackResult.DONE
                ? playFrom(call, media, times, done + 1)
                : Future.succeededFuture(result));
    }
}
