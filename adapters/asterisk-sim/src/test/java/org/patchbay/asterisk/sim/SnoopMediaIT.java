package org.patchbay.asterisk.sim;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.patchbay.asterisk.sim.media.Ulaw;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A snoop channel bridged alone with an external media channel, as Patchbay forks a call's audio: spy {@code in}
 * carries what the caller says, spy {@code out} what reaches the caller from the call's bridge, and a snoop goes
 * when hung up or when the channel it listens to does, with the events Asterisk 22.10.1 sends (no ChannelDestroyed).
 */
class SnoopMediaIT extends SimIT {
    private static final String CREATE = "/channels/externalMedia?app=patchbay&transport=websocket"
            + "&encapsulation=none&connection_type=server&format=ulaw";

    @Test
    void eachSpyDirectionCarriesItsOwnAudioIntoTheSnoopsBridge() {
        InboundCall call = harness.answeredCall();
        Media bot = media("call-bridge", call.channelId());
        String inSnoop = snoop(call, "in");
        String outSnoop = snoop(call, "out");
        Media heardIn = media("fork-in", inSnoop);
        Media heardOut = media("fork-out", outSnoop);

        byte[] said = Ulaw.tone(440, 200);
        harness.sim.sendAudio(call.callerChannelId(), said).await();
        SimHarness.awaitCondition("the caller's tone through the in snoop", () -> heardIn.client.frames().size() >= 10);
        assertArrayEquals(said, Arrays.copyOf(concat(heardIn.client.frames()), said.length));
        assertEquals(0, heardOut.client.frames().size(), "what the caller says is not written to the caller");

        byte[] played = Ulaw.tone(1000, 200);
        for (int offset = 0; offset < played.length; offset += 160) {
            bot.client.sendBinary(Arrays.copyOfRange(played, offset, offset + 160));
        }
        SimHarness.awaitCondition("the bot's audio through the out snoop", () -> heardOut.client.frames().size() >= 10);
        assertArrayEquals(played, Arrays.copyOf(concat(heardOut.client.frames()), played.length));
        assertEquals(10, heardIn.client.frames().size(), "what the caller hears is not what the caller says");

        harness.expect(204, "DELETE", "/channels/" + inSnoop);
        harness.awaitEvent("StasisEnd", inSnoop);
        assertEquals(List.of("ChannelHangupRequest", "ChannelLeftBridge", "StasisEnd"), lastThree(inSnoop),
                "as snoop-fork-channels.jsonl: no ChannelDestroyed");
        harness.expect(204, "DELETE", "/channels/" + call.channelId());
        harness.awaitEvent("StasisEnd", outSnoop);
        assertEquals(List.of("ChannelEnteredBridge", "ChannelLeftBridge", "StasisEnd"), lastThree(outSnoop),
                "a snoop goes with its target without a hang-up request");
        harness.expect(404, "GET", "/channels/" + outSnoop);
        for (Media media : List.of(bot, heardIn, heardOut)) {
            harness.expect(204, "DELETE", "/channels/" + media.channelId);
            harness.expect(204, "DELETE", "/bridges/" + media.bridgeId);
            media.client.close();
        }
        harness.awaitIdle();
    }

    private record Media(String channelId, String bridgeId, MediaClient client) {
    }

    private String snoop(InboundCall call, String spy) {
        String id = call.channelId() + "-" + spy;
        JsonObject snoop = harness.expect(200, "POST", "/channels/" + call.channelId() + "/snoop?spy=" + spy
                + "&app=patchbay&appArgs=fork&snoopId=" + id);
        assertEquals(id, snoop.getString("id"));
        assertEquals(List.of("fork"), harness.awaitEvent("StasisStart", id).getJsonArray("args").getList());
        return id;
    }

    /** An external media channel, connected, in a new mixing bridge with {@code otherChannelId}. */
    private Media media(String bridgeId, String otherChannelId) {
        JsonObject channel = harness.expect(200, "POST", CREATE);
        String mediaId = channel.getString("id");
        MediaClient client = MediaClient.open(harness.sim.port(),
                channel.getJsonObject("channelvars").getString("MEDIA_WEBSOCKET_CONNECTION_ID"), "media");
        harness.awaitEvent("StasisStart", mediaId);
        harness.expect(200, "POST", "/bridges?type=mixing&bridgeId=" + bridgeId);
        harness.expect(204, "POST", "/bridges/" + bridgeId + "/addChannel?channel=" + otherChannelId + "," + mediaId);
        return new Media(mediaId, bridgeId, client);
    }

    private List<String> lastThree(String channelId) {
        List<String> types = SimHarness.types(harness.eventsAbout(channelId)).stream()
                .filter(type -> !"ChannelConnectedLine".equals(type)).toList();
        return types.subList(types.size() - 3, types.size());
    }

    private static byte[] concat(List<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
