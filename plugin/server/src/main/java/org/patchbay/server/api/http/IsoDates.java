package org.patchbay.server.api.http;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Dates as Twilio's v1 APIs write them: ISO 8601 in UTC to the second ({@code 2015-07-30T20:00:00Z}). */
public final class IsoDates {
    private IsoDates() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
