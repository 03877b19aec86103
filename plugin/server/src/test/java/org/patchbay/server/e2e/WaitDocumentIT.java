package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.notification.Notification;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queue wait documents: their loop is honoured, an empty one is not fetched in a tight loop, a verb they cannot hold is named. */
class WaitDocumentIT {
    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.number("9300", "/caller", null, null);
        h.app.respond("/caller", "<Response><Enqueue waitUrl=\"/wait\">sales</Enqueue></Response>");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void playLoopIsHonoured() {
        h.app.respond("/wait", "<Response><Play loop=\"3\">sound:beep</Play><Hangup/></Response>");
        InboundCall caller = h.call("+15550009301", "9300");
        h.finished(caller.channelId());
        assertEquals(List.of("playback sound:beep done", "playback sound:beep done", "playback sound:beep done"),
                h.heardMedia(caller.channelId()));
    }

    @Test
    void anEmptyWaitDocumentIsFetchedAgainOnlyAfterAPause() {
        h.app.respond("/wait", "<Response/>");
        InboundCall caller = h.call("+15550009302", "9300");
        Harness.await(h.app.awaitRequest("/wait"));
        Harness.sleep(Duration.ofMillis(1500));
        int fetches = h.app.requests("/wait").size();
        assertTrue(fetches >= 2 && fetches <= 3, "about one fetch a second, not a tight loop: " + fetches);
        Harness.await(h.asterisk.hangUp(caller.callerChannelId()));
        h.finished(caller.channelId());
    }

    @Test
    void aVerbAWaitDocumentCannotHoldIsNamedInAWarning() {
        h.app.respond("/wait", "<Response><Record maxLength=\"2\"/><Hangup/></Response>");
        InboundCall caller = h.call("+15550009303", "9300");
        String callSid = h.finished(caller.channelId()).sid();
        List<Notification> found = Harness.await(h.patchbay.store().of(Notification.KIND)
                .list(h.patchbay.mainAccount().sid(), n -> callSid.equals(n.callSid()), 0, 10)).items();
        assertEquals(1, found.size(), found.toString());
        assertEquals(12200, found.get(0).errorCode());
        assertTrue(found.get(0).messageText().contains("<Record> in a wait document"), found.get(0).messageText());
    }
}
