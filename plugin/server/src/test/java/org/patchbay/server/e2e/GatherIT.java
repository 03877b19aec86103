package org.patchbay.server.e2e;

import org.patchbay.core.events.GatherStarted;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Say;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.testkit.FakeResponse;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classic IVR: "press 1 for sales". */
class GatherIT {
    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.number("6000", "/voice", null, null);
        h.app.respond("/after", "<Response><Play>sound:vm-goodbye</Play></Response>");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static String gather(Gather.Builder gather) {
        return new VoiceResponse.Builder().gather(gather.build())
                .play(new Play.Builder("sound:beep").build()).build().toXml();
    }

    @Test
    void aMenuGathersOneDigitAndBranches() {
        h.app.respond("/voice", gather(new Gather.Builder().numDigits(1).action("/menu")
                .say(new Say.Builder("Press 1 for sales, 2 for support").build())));
        h.app.respondWith("/menu", request -> FakeResponse.twiml("1".equals(request.param("Digits"))
                ? "<Response><Play>sound:hello-world</Play></Response>" : "<Response><Play>sound:vm-goodbye</Play></Response>"));
        InboundCall call = h.call("+15550000004", "6000");
        h.waitUntil("the menu prompt", () -> !h.heardMedia(call.channelId()).isEmpty());
        Harness.await(h.asterisk.pressDigits(call.callerChannelId(), "1"));
        RecordedRequest menu = Harness.await(h.app.awaitRequest("/menu"));
        assertEquals("1", menu.param("Digits"));
        h.finished(call.channelId());
        List<String> heard = h.heardMedia(call.channelId());
        assertEquals("playback sound:hello-world done", heard.get(heard.size() - 1), heard.toString());
    }

    @Test
    void aKeyInTheMiddleOfALongSayStopsItAtOnce() {
        h.app.respond("/voice", gather(new Gather.Builder().numDigits(2).action("/after")
                .say(new Say.Builder("A very long prompt that goes on and on and on about the many options available")
                        .loop(10).build())));
        InboundCall call = h.call("+15550000004", "6000");
        h.waitUntil("the prompt", () -> !h.heardMedia(call.channelId()).isEmpty());
        Harness.await(h.asterisk.pressDigits(call.callerChannelId(), "4"));
        h.waitUntil("the prompt to stop", () -> h.heardMedia(call.channelId()).get(0).endsWith("stopped"));
        Harness.await(h.asterisk.pressDigits(call.callerChannelId(), "2"));
        assertEquals("42", Harness.await(h.app.awaitRequest("/after")).param("Digits"));
        assertEquals(1, h.heardMedia(call.channelId()).stream().filter(e -> e.contains("/media/tts/")).count(),
                "the rest of the loop was skipped");
    }

    @Test
    void finishOnKeyEndsInputAndIsNotPartOfTheDigits() {
        h.app.respond("/voice", gather(new Gather.Builder().action("/after").finishOnKey("#")));
        InboundCall call = h.call("+15550000004", "6000");
        h.awaitActivity(call.channelId(), GatherStarted.class);
        Harness.await(h.asterisk.pressDigits(call.callerChannelId(), "123#"));
        RecordedRequest after = Harness.await(h.app.awaitRequest("/after"));
        assertEquals("123", after.param("Digits"));
        assertEquals("#", after.param("FinishedOnKey"));
    }

    @Test
    void withFinishOnKeyDisabledTheHashIsADigit() {
        h.app.respond("/voice", gather(new Gather.Builder().action("/after").finishOnKey("").numDigits(3)));
        InboundCall call = h.call("+15550000004", "6000");
        h.awaitActivity(call.channelId(), GatherStarted.class);
        Harness.await(h.asterisk.pressDigits(call.callerChannelId(), "1#2"));
        assertEquals("1#2", Harness.await(h.app.awaitRequest("/after")).param("Digits"));
    }

    @Test
    void timeoutWithoutInputFallsThroughToTheNextVerb() {
        h.app.respond("/voice", gather(new Gather.Builder().action("/after").timeout(1)
                .say(new Say.Builder("Say something").build())));
        InboundCall call = h.call("+15550000004", "6000");
        h.finished(call.channelId());
        assertTrue(h.app.requests("/after").isEmpty());
        List<String> heard = h.heardMedia(call.channelId());
        assertEquals("playback sound:beep done", heard.get(heard.size() - 1));
    }

    @Test
    void timeoutWithActionOnEmptyResultRequestsTheActionWithNoDigits() {
        h.app.respond("/voice", gather(new Gather.Builder().action("/after").timeout(1).actionOnEmptyResult(true)));
        InboundCall call = h.call("+15550000004", "6000");
        assertEquals("", Harness.await(h.app.awaitRequest("/after")).param("Digits"));
        h.finished(call.channelId());
    }

    @Test
    void withoutActionTheCurrentDocumentIsRequestedAgain() {
        h.app.respondInTurn("/voice",
                FakeResponse.twiml(gather(new Gather.Builder().numDigits(1))),
                FakeResponse.twiml("<Response><Play>sound:beep</Play></Response>"));
        InboundCall call = h.call("+15550000004", "6000");
        h.awaitActivity(call.channelId(), GatherStarted.class);
        Harness.await(h.asterisk.pressDigits(call.callerChannelId(), "7"));
        List<RecordedRequest> fetches = Harness.await(h.app.awaitRequests("/voice", 2, Duration.ofSeconds(10)));
        assertEquals("7", fetches.get(1).param("Digits"));
    }

    @Test
    void aCallerHangingUpDuringGatherCausesNoActionRequest() {
        h.app.respond("/voice", gather(new Gather.Builder().action("/after").timeout(3)));
        InboundCall call = h.call("+15550000004", "6000");
        h.awaitActivity(call.channelId(), GatherStarted.class);
        Harness.await(h.asterisk.pressDigits(call.callerChannelId(), "12"));
        Harness.await(h.asterisk.hangUp(call.callerChannelId()));
        h.finished(call.channelId());
        Harness.sleep(Duration.ofMillis(300));
        assertTrue(h.app.requests("/after").isEmpty());
        h.assertNothingLeaked();
    }
}
