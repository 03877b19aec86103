package org.patchbay.core.media;

import org.patchbay.core.error.ErrorCode;

/**
 * Why {@code <Play>} media could not be had: Twilio's code (11200 HTTP failure, 11205 connection,
 * 11210 host, 11215 redirects, 13420 not audio or not decodable) and what happened.
 */
public final class MediaFailure extends RuntimeException {
    private final ErrorCode code;

    public MediaFailure(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
