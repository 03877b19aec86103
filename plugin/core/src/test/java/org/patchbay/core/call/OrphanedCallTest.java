package org.patchbay.core.call;

import org.junit.jupiter.api.Test;
import org.patchbay.core.node.TrackedCall;
import org.patchbay.core.webhook.Webhook;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OrphanedCallTest {
    private static final Instant CREATED = Instant.parse("2026-12-04T01:00:00Z");
    private static final Instant ANSWERED = CREATED.plusSeconds(5);
    private static final Instant LAST_BEAT = ANSWERED.plusSeconds(42);

    private static CallRecord live(CallStatus status, Instant startTime) {
        return CallRecord.newCall("CA" + "1".repeat(32), "AC" + "2".repeat(32), Direction.OUTBOUND_API, status, CREATED)
                .between("+15550001111", "+15550002222").times(startTime, null, null)
                .updated(startTime == null ? CREATED : startTime).carriedBy("chan", "node-a").build();
    }

    private static TrackedCall tracked(Set<String> events) {
        return new TrackedCall("CA" + "1".repeat(32), "AC" + "2".repeat(32), "http://127.0.0.1:9/status", "GET", events);
    }

    @Test
    void anAnsweredCallCompletesAtItsNodesLastBeatWithTheDurationFromAnswer() {
        CallRecord settled = OrphanedCall.settled(live(CallStatus.IN_PROGRESS, ANSWERED), LAST_BEAT);
        assertEquals(CallStatus.COMPLETED, settled.status());
        assertEquals(LAST_BEAT, settled.endTime());
        assertEquals(42L, settled.duration());
    }

    @Test
    void aCallNeverAnsweredFailsWithNoDuration() {
        CallRecord settled = OrphanedCall.settled(live(CallStatus.RINGING, null), LAST_BEAT);
        assertEquals(CallStatus.FAILED, settled.status());
        assertEquals(0L, settled.duration());
    }

    @Test
    void aRecordChangedAfterTheLastBeatEndsAtThatChange() {
        CallRecord changedLate = live(CallStatus.IN_PROGRESS, ANSWERED).toBuilder().updated(LAST_BEAT.plusSeconds(3)).build();
        assertEquals(LAST_BEAT.plusSeconds(3), OrphanedCall.settled(changedLate, LAST_BEAT).endTime());
    }

    @Test
    void theCompletedCallbackIsNumberedAfterTheCallbacksItsNodeSent() {
        CallRecord settled = OrphanedCall.settled(live(CallStatus.IN_PROGRESS, ANSWERED), LAST_BEAT);
        Webhook all = OrphanedCall.completedCallback(CallStatus.IN_PROGRESS, settled,
                tracked(Set.of("initiated", "ringing", "answered", "completed")), "token");
        assertEquals("3", all.params().get("SequenceNumber"));
        assertEquals("completed", all.params().get("CallStatus"));
        assertEquals("42", all.params().get("CallDuration"));
        assertEquals("GET", all.method());
        assertEquals("token", all.authToken());

        Webhook onlyCompleted = OrphanedCall.completedCallback(CallStatus.RINGING, settled, tracked(Set.of()), "token");
        assertEquals("0", onlyCompleted.params().get("SequenceNumber"));
        Webhook ringing = OrphanedCall.completedCallback(CallStatus.RINGING, settled, tracked(Set.of("ringing", "answered", "completed")), "t");
        assertEquals("1", ringing.params().get("SequenceNumber"));
    }

    @Test
    void noCallbackWithoutAUrlOrWithoutTheCompletedEvent() {
        CallRecord settled = OrphanedCall.settled(live(CallStatus.IN_PROGRESS, ANSWERED), LAST_BEAT);
        assertNull(OrphanedCall.completedCallback(CallStatus.IN_PROGRESS, settled,
                new TrackedCall(settled.sid(), settled.accountSid(), null, null, Set.of()), "t"));
        assertNull(OrphanedCall.completedCallback(CallStatus.IN_PROGRESS, settled, tracked(Set.of("answered")), "t"));
    }
}
