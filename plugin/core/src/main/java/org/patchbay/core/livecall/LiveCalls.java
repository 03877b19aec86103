package org.patchbay.core.livecall;

import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import io.vertx.core.Future;

/**
 * What the REST API may do to calls that are under way. Every method fails with a
 * {@link org.patchbay.core.error.PatchbayException} carrying the Twilio error the API returns
 * (20404 for an unknown call, 21220 for a call that cannot be changed, ...).
 */
public interface LiveCalls {

    /** Places an outbound call; completes as soon as it is queued, with its record (status {@code queued}). */
    Future<CallRecord> create(OutboundCall call);

    /** Interrupts whatever the call is doing and runs the document at {@code url} instead. */
    Future<CallRecord> redirect(String accountSid, String callSid, String url, String method);

    /** Interrupts whatever the call is doing and runs this inline document instead. */
    Future<CallRecord> redirectToTwiml(String accountSid, String callSid, String twiml);

    /**
     * Ends a call: {@code completed} hangs up a call in any state, {@code canceled} only one that is
     * queued or ringing (a call already answered is left alone, as Twilio does).
     */
    Future<CallRecord> end(String accountSid, String callSid, CallStatus status);
}
