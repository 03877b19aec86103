package org.patchbay.core.node;

import java.util.Set;

/**
 * What another node needs to settle a call whose node stopped beating: the call's SID and account
 * (its record is read from the store) and where its status callback goes. The record alone does not
 * say it, because an API call's callback is a parameter of its creation.
 *
 * @param statusCallbackEvents the events the call's status callback reports (at least {@code completed})
 */
public record TrackedCall(String callSid, String accountSid, String statusCallback, String statusCallbackMethod,
                          Set<String> statusCallbackEvents) {

    public TrackedCall {
        statusCallbackEvents = statusCallbackEvents == null ? Set.of() : Set.copyOf(statusCallbackEvents);
    }
}
