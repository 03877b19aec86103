package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.media.MediaFailure;

import java.util.Locale;

/**
 * What Asterisk is asked to play for a {@code <Play>} URL. An http(s) URL is fetched and converted
 * by Patchbay (see {@link org.patchbay.core.media.PlayMediaCache}); when that fails, a Notification
 * with Twilio's code is written and the media is null: the verb is skipped and the call goes on,
 * as on Twilio. An Asterisk media reference ({@code sound:}, {@code recording:}, {@code tone:}, ...)
 * plays as is; a bare name left unresolved (inline TwiML has no document URL) is taken as a sound.
 */
final class PlayMedia {
    private PlayMedia() {
    }

    static Future<String> of(CallControl call, String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return call.playableMedia(url).recover(failure -> {
                if (failure instanceof MediaFailure media) {
                    call.warn(media.code().code(), media.getMessage());
                } else {
                    call.warn(org.patchbay.core.error.ErrorCode.HTTP_RETRIEVAL_FAILURE.code(),
                            "<Play> " + url + ": " + failure.getMessage());
                }
                return Future.succeededFuture(null);
            });
        }
        return Future.succeededFuture(url.contains(":") ? url : "sound:" + url);
    }
}
