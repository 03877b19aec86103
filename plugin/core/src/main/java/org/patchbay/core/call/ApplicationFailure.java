package org.patchbay.core.call;

import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.notification.Notifications;

/** An instruction fetch that did not yield a runnable document, with what Patchbay sent and got back. */
final class ApplicationFailure extends RuntimeException {
    private final ErrorCode code;
    private final Notifications.Request request;

    ApplicationFailure(ErrorCode code, String message, Notifications.Request request) {
        super(message, null, false, false);
        this.code = code;
        this.request = request;
    }

    ErrorCode code() {
        return code;
    }

    Notifications.Request request() {
        return request;
    }
}
