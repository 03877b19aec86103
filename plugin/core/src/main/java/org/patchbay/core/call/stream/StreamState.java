package org.patchbay.core.call.stream;

import java.time.Instant;

/**
 * A one-way fork as the REST API shows it (Twilio's Stream resource).
 *
 * @param name   the name it was given, or null
 * @param status {@code in-progress} or {@code stopped}
 */
public record StreamState(String sid, String accountSid, String callSid, String name, String status,
                          Instant dateUpdated) {
    public static final String IN_PROGRESS = "in-progress";
    public static final String STOPPED = "stopped";
}
