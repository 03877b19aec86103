package org.patchbay.asterisk.sim;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inbound calls driven through the control API, as Patchbay's tests will drive them. */
class InboundCallIT extends SimIT {

    @Test
    void anInboundCallEntersTheAppRingingWithTheCallersNumber() {
        InboundCall call = harness.sim.startInboundCall("+15551234567", "2000", "Alice").await();

        JsonObject start = harness.awaitEvent("StasisStart", call.channelId());
        assertEquals(List.of("2000"), start.getJsonArray("args").getList());
        JsonObject channel = start.getJsonObject("channel");
        assertEquals("Ring", channel.getString("state"));
        assertEquals(new JsonObject().put("name", "Alice").put("number", "+15551234567"), channel.getJsonObject("caller"));
        assertTrue(channel.getString("name").matches("Local/2000@stasis-in-[0-9a-f]{8};2"), channel.getString("name"));
        assertEquals("patchbay", start.getString("application"));
    }

    @Test
    void callerDigitsArriveWithTheirDurationAndTheCallerHearsWhatWasPlayed() {
        InboundCall call = harness.answeredCall();
        String id = call.channelId();
        harness.expect(201, "POST", "/channels/" + id + "/play?media=sound:hello-world&playbackId=greeting");
        harness.awaitEvent("PlaybackFinished", "greeting");

        harness.sim.pressDigits(call.callerChannelId(), "12#", 50, 80).await();

        List<JsonObject> digits = harness.awaitEvents("ChannelDtmfReceived", id, 3);
        assertEquals(List.of("1", "2", "#"), digits.stream().map(event -> event.getString("digit")).toList());
        assertTrue(digits.stream().allMatch(event -> event.getInteger("duration_ms") == 80));
        assertEquals(List.of(new Heard("playback", "sound:hello-world", "done")), heard(id));
    }

    @Test
    void digitsTheAppSendsWaitForThePlaybackAhead() {
        String id = harness.answeredCall().channelId();
        harness.expect(201, "POST", "/channels/" + id + "/play?media=tone:ring&playbackId=prompt");
        harness.awaitEvent("PlaybackStarted", "prompt");

        harness.expect(204, "POST", "/channels/" + id + "/dtmf?dtmf=5");
        assertEquals(List.of(new Heard("playback", "tone:ring", "playing")), heard(id));

        harness.expect(204, "DELETE", "/playbacks/prompt");
        assertEquals("done", harness.awaitEvent("PlaybackFinished", "prompt").getJsonObject("playback").getString("state"));
        SimHarness.awaitCondition("the DTMF to be sent", () -> heard(id).size() == 2);
        assertEquals(List.of(new Heard("playback", "tone:ring", "stopped"), new Heard("dtmf", "5", "sent")), heard(id));
    }

    @Test
    void theCallerHangingUpMidPlaybackFailsThePlaybackAndEndsStasis() {
        InboundCall call = harness.answeredCall();
        String id = call.channelId();
        harness.expect(201, "POST", "/channels/" + id + "/play?media=sound:tt-monkeys&playbackId=long");
        harness.awaitEvent("PlaybackStarted", "long");

        harness.sim.hangUp(call.callerChannelId()).await();

        harness.awaitEvent("StasisEnd", id);
        List<JsonObject> after = harness.eventsAbout(id);
        List<String> tail = SimHarness.types(after.subList(after.size() - 3, after.size()));
        assertEquals(List.of("ChannelHangupRequest", "PlaybackFinished", "StasisEnd"), tail);
        assertEquals(16, after.get(after.size() - 3).getInteger("cause"));
        assertEquals("failed", after.get(after.size() - 2).getJsonObject("playback").getString("state"));
        assertFalse(SimHarness.types(harness.app.events()).contains("ChannelDestroyed"),
                "a channel that entered Stasis from the dialplan gets no ChannelDestroyed");
        harness.expect(404, "POST", "/channels/" + id + "/play?media=sound:beep");
        assertEquals(List.of(new Heard("playback", "sound:tt-monkeys", "failed")), heard(id));
        harness.awaitIdle();
    }

    @Test
    void theCallerCanAbandonBeforeTheAppAnswers() {
        InboundCall call = harness.call();
        harness.expect(204, "POST", "/channels/" + call.channelId() + "/ring");

        harness.sim.hangUp(call.channelId()).await();

        JsonObject end = harness.awaitEvent("StasisEnd", call.channelId());
        assertEquals("Ring", end.getJsonObject("channel").getString("state"));
        harness.expect(404, "POST", "/channels/" + call.channelId() + "/answer");
        harness.awaitIdle();
    }

    @Test
    void theAppHangingUpEndsBothLegsAndNoRequestFollowsIt() {
        InboundCall call = harness.answeredCall();
        harness.expect(204, "DELETE", "/channels/" + call.channelId() + "?reason=normal");

        JsonObject request = harness.awaitEvent("ChannelHangupRequest", call.channelId());
        assertEquals(32, request.getInteger("cause"));
        assertTrue(request.getBoolean("soft"));
        harness.awaitEvent("StasisEnd", call.channelId());
        harness.awaitIdle();
        List<AriRequest> requests = harness.sim.requests().await();
        AriRequest last = requests.stream().filter(r -> r.path().contains(call.channelId())).reduce((a, b) -> b)
                .orElseThrow();
        assertEquals("DELETE", last.method());
        assertEquals("reason=normal", last.query());
    }

    @Test
    void withoutTheAppConnectedAnInboundCallGoesNowhere() {
        harness.app.close();
        SimHarness.awaitCondition("the app to be gone", () -> harness.expectArray("/applications").isEmpty());

        harness.sim.startInboundCall("+15550000000", "1000", "").await();

        harness.awaitIdle();
    }

    private List<Heard> heard(String channelId) {
        return harness.sim.heard(channelId).await().stream()
                .map(entry -> new Heard(entry.kind(), entry.detail(), entry.outcome())).toList();
    }

    private record Heard(String kind, String detail, String outcome) {
    }
}
