package org.patchbay.asterisk.sim;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bridges: what their members hear, their events, and cleaning up. */
class BridgeIT extends SimIT {
    private InboundCall first;
    private InboundCall second;

    @BeforeEach
    void start() {
        first = harness.answeredCall();
        second = harness.answeredCall();
    }

    @Test
    void everyMemberHearsBridgePlaybacksAndMusicOnHold() {
        JsonObject bridge = harness.expect(200, "POST", "/bridges?type=mixing&bridgeId=room&name=room");
        assertEquals("mixing", bridge.getString("bridge_type"));
        harness.expect(204, "POST", "/bridges/room/addChannel?channel=" + first.channelId() + "," + second.channelId());
        assertEquals(2, harness.expect(200, "GET", "/bridges/room").getJsonArray("channels").size());

        harness.expect(201, "POST", "/bridges/room/play?media=sound:beep&playbackId=chime");
        assertEquals("bridge:room", harness.awaitEvent("PlaybackFinished", "chime").getJsonObject("playback")
                .getString("target_uri"));
        harness.expect(204, "POST", "/bridges/room/moh?mohClass=jazz");
        harness.expect(204, "DELETE", "/bridges/room/moh");

        for (InboundCall call : List.of(first, second)) {
            List<HeardEntry> heard = harness.sim.heard(call.channelId()).await();
            assertEquals(List.of("bridge-playback:sound:beep:done", "moh:jazz:stopped"), heard.stream()
                    .map(entry -> entry.kind() + ":" + entry.detail() + ":" + entry.outcome()).toList());
        }
    }

    @Test
    void membersComeAndGoWithEventsAndNothingIsLeftBehind() {
        harness.expect(200, "POST", "/bridges?type=mixing&bridgeId=room");
        harness.expect(204, "POST", "/bridges/room/addChannel?channel=" + first.channelId());
        harness.expect(204, "POST", "/bridges/room/addChannel?channel=" + second.channelId());
        harness.awaitEvents("ChannelEnteredBridge", "room", 2);
        JsonObject connected = harness.awaitEvent("ChannelConnectedLine", second.channelId());
        assertEquals("Alice", connected.getJsonObject("channel").getJsonObject("connected").getString("name"));

        harness.expect(204, "POST", "/bridges/room/removeChannel?channel=" + second.channelId());
        harness.sim.hangUp(first.callerChannelId()).await();

        List<JsonObject> left = harness.awaitEvents("ChannelLeftBridge", "room", 2);
        assertEquals(0, left.get(1).getJsonObject("bridge").getJsonArray("channels").size());
        harness.expect(204, "DELETE", "/bridges/room");
        harness.awaitEvent("BridgeDestroyed", "room");
        harness.expect(204, "DELETE", "/channels/" + second.channelId());
        harness.awaitIdle();
    }

    @Test
    void aChannelThatIsPlayingJoinsWhenItsPlaybackEnds() {
        harness.expect(200, "POST", "/bridges?type=holding&bridgeId=hold");
        harness.expect(201, "POST", "/channels/" + first.channelId() + "/play?media=sound:hello-world&playbackId=intro");
        harness.awaitEvent("PlaybackStarted", "intro");

        harness.expect(204, "POST", "/bridges/hold/addChannel?channel=" + first.channelId());

        List<String> order = SimHarness.types(harness.eventsAbout(first.channelId()));
        assertTrue(order.indexOf("PlaybackFinished") < order.indexOf("ChannelEnteredBridge"), order.toString());
        assertEquals("holding", harness.expect(200, "GET", "/bridges/hold").getString("bridge_type"));
    }

    @Test
    void addingChannelsThatCannotJoinIsRefused() {
        harness.expect(200, "POST", "/bridges?bridgeId=room");

        harness.expect(404, "POST", "/bridges/nope/addChannel?channel=" + first.channelId());
        harness.expect(400, "POST", "/bridges/room/addChannel?channel=nope");
        harness.expect(422, "POST", "/bridges/room/addChannel?channel=" + first.callerChannelId());
        harness.expect(422, "POST", "/bridges/room/removeChannel?channel=" + first.channelId());
        harness.expect(409, "POST", "/bridges?bridgeId=room");
    }
}
