package org.patchbay.server.e2e;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Say;
import io.vertx.core.Promise;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.AriRequest;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.testkit.FakeResponse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A caller who hangs up at any moment ends the session cleanly: no more PBX requests, nothing left behind. */
class HangupIT {
    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.number("5000", "/voice", null, null);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void hangingUpInTheMiddleOfASay() {
        h.app.respond("/voice", new VoiceResponse.Builder()
                .say(new Say.Builder("This is a long announcement that the caller will not wait to hear the end of, "
                        + "because callers are busy people with places to be and things to do.").loop(20).build())
                .play(new Play.Builder("sound:beep").build()).build().toXml());
        InboundCall call = h.call("+15550000003", "5000");
        h.waitUntil("the Say to start", () -> !h.heardMedia(call.channelId()).isEmpty());
        Harness.await(h.asterisk.hangUp(call.callerChannelId()));
        assertEndedCleanly(call);
    }

    @Test
    void hangingUpWhileTheApplicationIsStillThinking() {
        Promise<FakeResponse> slow = Promise.promise();
        h.app.respondLater("/voice", request -> slow.future());
        InboundCall call = h.call("+15550000003", "5000");
        Harness.await(h.app.awaitRequest("/voice"));
        Harness.await(h.asterisk.hangUp(call.callerChannelId()));
        CallRecord done = h.finished(call.channelId());
        assertEquals(CallStatus.COMPLETED, done.status());
        slow.complete(FakeResponse.twiml(new VoiceResponse.Builder().play(new Play.Builder("sound:beep").build()).build().toXml()));
        assertEndedCleanly(call);
    }

    private void assertEndedCleanly(InboundCall call) {
        CallRecord done = h.finished(call.channelId());
        assertEquals(CallStatus.COMPLETED, done.status());
        h.assertNothingLeaked();
        long before = requestsFor(call.channelId()).size();
        Harness.sleep(Duration.ofMillis(500));
        List<AriRequest> after = requestsFor(call.channelId());
        assertEquals(before, after.size(), "no ARI request for the channel after the hang-up: " + after);
        assertTrue(after.stream().noneMatch(r -> r.method().equals("DELETE") && r.path().equals("/channels/" + call.channelId())),
                "Patchbay did not try to hang up a channel that was already gone: " + after);
    }

    private List<AriRequest> requestsFor(String channelId) {
        return Harness.await(h.asterisk.requests()).stream().filter(r -> r.path().contains(channelId)).toList();
    }
}
