package org.patchbay.core.limits;

import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;

/** A call refused because its account (or the parent account) has as many live calls as it may: Twilio's 10004. */
public final class CallLimitReached extends PatchbayException {
    private final String count;
    private final long inFlight;

    public CallLimitReached(String count, long inFlight) {
        super(429, ErrorCode.CALL_CONCURRENCY_LIMIT, "Call concurrency limit exceeded for "
                + count.substring(count.indexOf(':') + 1) + " (" + inFlight + " live calls)");
        this.count = count;
        this.inFlight = inFlight;
    }

    /** The full count, e.g. {@code calls:AC…}. */
    public String count() {
        return count;
    }

    public long inFlight() {
        return inFlight;
    }
}
