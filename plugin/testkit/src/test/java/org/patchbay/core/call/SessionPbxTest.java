package org.patchbay.core.call;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.telephony.RecordRequest;
import org.patchbay.core.telephony.TelephonyException;
import org.patchbay.testkit.telephony.MemoryCall;
import org.patchbay.testkit.telephony.MemoryTelephony;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verbs' way to the PBX: once the session has ended, nothing about its channel reaches the PBX. */
class SessionPbxTest {
    private final Vertx vertx = Vertx.vertx();
    private final MemoryTelephony telephony = new MemoryTelephony(vertx, vertx.getOrCreateContext());
    private final MemoryCall caller = telephony.inbound("+15550001111", "1000", c -> { });
    private final AtomicBoolean ended = new AtomicBoolean();
    private final SessionPbx pbx = new SessionPbx(telephony, caller.channelId(), ended::get);

    @AfterEach
    void stop() {
        CallEngine.await(vertx.close());
    }

    @Test
    void whileTheCallLivesRequestsReachThePbx() {
        CallEngine.await(pbx.ring());
        CallEngine.await(pbx.startMusicOnHold());
        assertEquals(2, telephony.commands().size(), telephony.commands().toString());
    }

    @Test
    void afterTheEndRequestsAboutTheChannelFailAsGoneWithoutReachingThePbx() {
        CallEngine.await(pbx.createBridge("b1"));
        ended.set(true);
        for (Supplier<Future<Void>> request : List.<Supplier<Future<Void>>>of(pbx::ring,
                pbx::startMusicOnHold, pbx::stopMusicOnHold, () -> pbx.record(new RecordRequest("r", "wav", 0, 0, false, "none")),
                () -> pbx.addToBridge("b1", caller.channelId()), () -> pbx.createBridge("b2"))) {
            AssertionError failed = assertThrows(AssertionError.class, () -> CallEngine.await(request.get()));
            assertTrue(failed.getCause().getCause() instanceof TelephonyException gone && gone.isGone(), failed.toString());
        }
        assertEquals(1, telephony.commands().size(), telephony.commands().toString());
        CallEngine.await(pbx.destroyBridge("b1"));
        assertEquals("destroyBridge", telephony.commands().get(1).verb());
    }
}
