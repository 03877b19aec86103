package org.patchbay.core.notification;

import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;

import java.time.Instant;

/**
 * A logged problem with a call's application: a failed instruction fetch, bad TwiML, a warning.
 *
 * @param log 0 for an error, 1 for a warning
 * @param requestVariables the parameters sent, form-encoded
 * @param responseBody the start of what the application server answered
 */
public record Notification(
        String sid,
        String accountSid,
        String callSid,
        int errorCode,
        int log,
        String messageText,
        String moreInfo,
        String requestUrl,
        String requestMethod,
        String requestVariables,
        Integer responseStatus,
        String responseBody,
        Instant messageDate,
        Instant dateCreated) implements Resource {

    public static final ResourceKind<Notification> KIND = ResourceKind.of("notifications", Notification.class);

    public static final int ERROR = 0;
    public static final int WARNING = 1;
}
