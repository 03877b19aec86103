package org.patchbay.core.call;

import org.patchbay.core.node.TrackedCall;
import org.patchbay.core.webhook.Webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A call whose node died while it ran, as another node settles it: it ends at the last moment it is
 * known to have lasted (its node's last heartbeat, or its record's last change if later), as
 * {@code completed} when it was answered, else {@code failed} (Patchbay could not finish placing or
 * routing it; the same rule as {@link StasisReconciler} after an outage). Its {@code completed} status
 * callback is the one its own node would have sent, numbered after the callbacks that node had sent.
 */
public final class OrphanedCall {
    private static final List<String> EARLIER_EVENTS = List.of("initiated", "ringing", "answered");

    private OrphanedCall() {
    }

    /** The record as it ends; {@code live} must not be final yet. */
    public static CallRecord settled(CallRecord live, Instant lastBeat) {
        Instant end = latest(lastBeat, live.dateUpdated(), live.startTime());
        CallStatus status = live.startTime() != null || live.status() == CallStatus.IN_PROGRESS
                ? CallStatus.COMPLETED : CallStatus.FAILED;
        return live.endedAt(status, end);
    }

    /** The {@code completed} status callback of the settled call, or null when it has none. */
    public static Webhook completedCallback(CallStatus before, CallRecord settled, TrackedCall tracked, String authToken) {
        if (tracked.statusCallback() == null || tracked.statusCallback().isBlank()
                || !events(tracked).contains("completed")) {
            return null;
        }
        Map<String, String> params = StatusCallbacks.parameters("completed", settled, settled.endTime());
        params.put("SequenceNumber", Integer.toString(sentBefore(before, tracked)));
        String method = tracked.statusCallbackMethod() == null ? "POST" : tracked.statusCallbackMethod();
        return new Webhook(tracked.statusCallback(), method, params, authToken, settled.sid());
    }

    /** The status callback parameters of the settled call, as its event carries them. */
    public static Map<String, String> completedParameters(CallRecord settled) {
        return StatusCallbacks.parameters("completed", settled, settled.endTime());
    }

    /** How many callbacks the call's node had sent by the status it was in: the events it had passed that it reports. */
    static int sentBefore(CallStatus before, TrackedCall tracked) {
        int passed = switch (before) {
            case QUEUED -> 1;
            case RINGING -> 2;
            default -> 3;
        };
        int sent = 0;
        for (String event : EARLIER_EVENTS.subList(0, passed)) {
            if (events(tracked).contains(event)) {
                sent++;
            }
        }
        return sent;
    }

    private static java.util.Set<String> events(TrackedCall tracked) {
        return tracked.statusCallbackEvents().isEmpty() ? CallApp.DEFAULT_EVENTS : tracked.statusCallbackEvents();
    }

    private static Instant latest(Instant... times) {
        Instant latest = null;
        for (Instant time : times) {
            if (time != null && (latest == null || time.isAfter(latest))) {
                latest = time;
            }
        }
        return latest == null ? Instant.now() : latest;
    }
}
