package org.patchbay.asterisk.sim;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.patchbay.asterisk.sim.media.Ulaw;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** External media over WebSocket, against the shapes of {@code external-media-websocket.jsonl}. */
class ExternalMediaIT extends SimIT {
    private static final String CREATE = "/channels/externalMedia?app=patchbay&transport=websocket"
            + "&encapsulation=none&connection_type=server&format=ulaw";

    @Test
    void setupAnswersOnConnectAndRefusesWhatAsteriskRefuses() {
        JsonObject channel = harness.expect(200, "POST", CREATE);
        String id = channel.getString("id");
        assertTrue(channel.getString("name").matches("WebSocket/INCOMING/0x[0-9a-f]+"), channel.getString("name"));
        assertEquals("Down", channel.getString("state"));
        assertEquals("AppDial2", channel.getJsonObject("dialplan").getString("app_name"));
        String connectionId = channel.getJsonObject("channelvars").getString("MEDIA_WEBSOCKET_CONNECTION_ID");
        assertEquals("160", channel.getJsonObject("channelvars").getString("MEDIA_WEBSOCKET_OPTIMAL_FRAME_SIZE"));
        assertEquals(connectionId, harness.expect(200, "GET", "/channels/" + id
                + "/variable?variable=MEDIA_WEBSOCKET_CONNECTION_ID").getString("value"));
        assertEquals("", harness.awaitEvent("Dial", id).getString("dialstatus"));
        assertTrue(harness.eventsAbout(id).stream().noneMatch(event -> "StasisStart".equals(event.getString("type"))));

        assertEquals(404, assertThrows(MediaClient.Refused.class,
                () -> MediaClient.open(harness.sim.port(), "00000000-0000-0000-0000-000000000000", "media")).status);
        assertEquals(400, assertThrows(MediaClient.Refused.class,
                () -> MediaClient.open(harness.sim.port(), connectionId, "foo")).status);
        try (MediaClient media = MediaClient.open(harness.sim.port(), connectionId, "media")) {
            assertEquals("media", media.subprotocol());
            assertEquals("MEDIA_START connection_id:" + connectionId + " channel:" + channel.getString("name")
                    + " channel_id:" + id + " format:ulaw optimal_frame_size:160 ptime:20", media.awaitText("MEDIA_START"));
            JsonObject start = harness.awaitEvent("StasisStart", id);
            assertEquals(List.of(), start.getJsonArray("args").getList());
            assertEquals("Up", start.getJsonObject("channel").getString("state"));
            assertEquals(List.of("Dial", "ChannelStateChange", "Dial", "ChannelVarset", "StasisStart"),
                    SimHarness.types(harness.eventsAbout(id)));
            assertEquals(409, assertThrows(MediaClient.Refused.class,
                    () -> MediaClient.open(harness.sim.port(), connectionId, null)).status);
            harness.expect(204, "DELETE", "/channels/" + id);
            assertEquals(1000, media.awaitClose());
        }
        harness.awaitIdle();
    }

    @Test
    void audioAndDtmfCrossTheBridgeBothWays() {
        InboundCall call = harness.answeredCall();
        Bridged bridged = bridge(call, CREATE);
        try (MediaClient media = bridged.media) {
            harness.sim.sendTone(call.callerChannelId(), 440, 400).await();
            SimHarness.awaitCondition("the caller's tone at the app", () -> media.frames().size() >= 20);
            byte[] atApp = concat(media.frames());
            assertTrue(media.frames().stream().allMatch(frame -> frame.length == 160));
            assertArrayEquals(Ulaw.tone(440, 400), Arrays.copyOf(atApp, 3200));

            byte[] fromApp = Ulaw.tone(1000, 300);
            for (int offset = 0; offset < fromApp.length; offset += 160) {
                media.sendBinary(Arrays.copyOfRange(fromApp, offset, offset + 160));
            }
            SimHarness.awaitCondition("the app's audio at the caller",
                    () -> harness.sim.receivedAudio(call.callerChannelId()).await().frames() >= 15);
            assertArrayEquals(fromApp, harness.sim.receivedAudio(call.channelId()).await().ulaw());

            harness.sim.pressDigits(call.callerChannelId(), "5").await();
            assertEquals("DTMF_END digit:5 channel_id:" + bridged.mediaId, media.awaitText("DTMF_END"));
            finish(call, bridged);
            assertEquals(1000, media.awaitClose());
        }
    }

    @Test
    void commandsReplyAsChanWebsocketDoes() {
        InboundCall call = harness.answeredCall();
        Bridged bridged = bridge(call, CREATE);
        MediaClient media = bridged.media;
        String status = "STATUS channel_id:" + bridged.mediaId;
        // Paused, nothing plays between the audio and GET_STATUS, so the counts cannot race a playout tick.
        media.sendText("PAUSE_MEDIA");
        media.sendBinary(new byte[8000]);
        media.sendText("MARK_MEDIA after-8000");
        media.sendText("GET_STATUS");
        assertEquals(status + " queue_length:50 xon_level:800 xoff_level:900 queue_full:false bulk_media:false"
                + " media_paused:true", media.awaitText("STATUS"));
        media.sendText("FLUSH_MEDIA");
        media.sendText("CONTINUE_MEDIA");
        media.sendText("MARK_MEDIA after-flush");
        media.awaitText("MEDIA_MARK_PROCESSED after-flush");
        assertFalse(media.texts().contains("MEDIA_MARK_PROCESSED after-8000"), "a flushed mark is never reported");

        media.sendText("PAUSE_MEDIA");
        media.sendText("START_MEDIA_BUFFERING");
        for (int i = 0; i < 5; i++) {
            media.sendBinary(new byte[1000]);
        }
        media.sendText("STOP_MEDIA_BUFFERING buf-1");
        media.sendText("REPORT_QUEUE_DRAINED");
        media.sendText("GET_STATUS");
        SimHarness.awaitCondition("two STATUS", () -> media.texts().stream().filter(t -> t.startsWith("STATUS")).count() == 2);
        assertTrue(media.texts().get(media.texts().size() - 1).contains(" queue_length:32 "), media.texts().toString());
        media.sendText("CONTINUE_MEDIA");
        media.awaitText("MEDIA_BUFFERING_COMPLETED buf-1");
        media.awaitText("QUEUE_DRAINED");
        assertTrue(harness.sim.receivedAudio(call.callerChannelId()).await().frames() >= 32);

        for (int i = 0; i < 19; i++) {
            media.sendBinary(new byte[8000]);
        }
        media.awaitText("MEDIA_XOFF");
        media.sendText("FLUSH_MEDIA");
        media.awaitText("MEDIA_XON");
        media.sendText("PAUSE_MEDIA");
        media.sendText("SET_MEDIA_DIRECTION both");
        media.sendText("NO_SUCH_COMMAND");
        media.sendText("GET_STATUS");
        assertEquals("ERROR channel_id:" + bridged.mediaId + " error_text:SET_MEDIA_DIRECTION only supports JSON format.\n",
                media.awaitText("ERROR"));
        SimHarness.awaitCondition("a paused STATUS", () -> media.texts().stream().anyMatch(t -> t.endsWith("media_paused:true")));

        media.sendText("HANGUP");
        assertEquals(1000, media.awaitClose());
        JsonObject request = harness.awaitEvent("ChannelHangupRequest", bridged.mediaId);
        assertEquals(16, request.getInteger("cause"));
        assertEquals(1000, request.getInteger("tech_cause"));
        JsonObject destroyed = harness.awaitEvent("ChannelDestroyed", bridged.mediaId);
        assertEquals(0, destroyed.getInteger("cause"));
        assertEquals(1000, destroyed.getInteger("tech_cause"));
        harness.expect(204, "DELETE", "/channels/" + call.channelId());
        harness.expect(204, "DELETE", "/bridges/" + bridged.bridgeId);
        harness.awaitIdle();
    }

    @Test
    void theCallerHangingUpLeavesTheMediaChannelUpAndTheAppClosingTheSocketEndsIt() {
        InboundCall call = harness.answeredCall();
        Bridged bridged = bridge(call, CREATE);
        harness.sim.hangUp(call.callerChannelId()).await();
        harness.awaitEvent("StasisEnd", call.channelId());
        assertEquals("Up", harness.expect(200, "GET", "/channels/" + bridged.mediaId).getString("state"));
        assertFalse(bridged.media.closed());

        bridged.media.closeNormally();
        JsonObject request = harness.awaitEvent("ChannelHangupRequest", bridged.mediaId);
        assertEquals(16, request.getInteger("cause"));
        assertFalse(request.containsKey("soft"));
        assertEquals(1001, request.getInteger("tech_cause"), "Asterisk's close code, as captured");
        JsonObject destroyed = harness.awaitEvent("ChannelDestroyed", bridged.mediaId);
        assertEquals(16, destroyed.getInteger("cause"));
        assertEquals(1001, destroyed.getInteger("tech_cause"));
        List<String> types = SimHarness.types(harness.eventsAbout(bridged.mediaId));
        assertEquals(List.of("ChannelHangupRequest", "ChannelLeftBridge", "StasisEnd", "ChannelVarset", "ChannelDestroyed"),
                types.subList(types.indexOf("ChannelHangupRequest"), types.size()));
        harness.expect(204, "DELETE", "/bridges/" + bridged.bridgeId);
        harness.awaitIdle();
    }

    @Test
    void jsonControlAndAnswerOnRequest() {
        JsonObject channel = harness.expect(200, "POST", CREATE + "&transport_data=n,f(json)");
        String id = channel.getString("id");
        String connectionId = channel.getJsonObject("channelvars").getString("MEDIA_WEBSOCKET_CONNECTION_ID");
        try (MediaClient media = MediaClient.open(harness.sim.port(), connectionId, "media")) {
            JsonObject start = new JsonObject(media.awaitText("{\"event\":\"MEDIA_START\""));
            assertEquals(connectionId, start.getJsonObject("channel_variables").getString("MEDIA_WEBSOCKET_CONNECTION_ID"));
            assertEquals("Down", harness.expect(200, "GET", "/channels/" + id).getString("state"));
            media.sendText("{\"command\":\"ANSWER\"}");
            harness.awaitEvent("StasisStart", id);
            media.sendText("GET_STATUS");
            assertEquals("Unable to parse JSON command",
                    new JsonObject(media.awaitText("{\"event\":\"ERROR\"")).getString("error_text"));
            media.sendText("{\"command\":\"MARK_MEDIA\",\"correlation_id\":\"m-json\"}");
            assertEquals("m-json", new JsonObject(media.awaitText("{\"event\":\"MEDIA_MARK_PROCESSED\""))
                    .getString("correlation_id"));
            harness.expect(204, "DELETE", "/channels/" + id);
            assertEquals(1000, media.awaitClose());
        }
        harness.awaitIdle();
    }

    /** As in snoop-fork-channels.jsonl and external-media-websocket-variants.jsonl (Asterisk 22.10.1). */
    @Test
    void directionInCarriesOnlyAsterisksAudioAndOutOnlyTheApps() {
        InboundCall call = harness.answeredCall();
        Bridged in = connect(CREATE + "&direction=in", "em-directions");
        Bridged out = connect(CREATE + "&direction=out", "em-directions");
        assertEquals("INCOMING/d(in)", harness.awaitEvent("Dial", in.mediaId).getString("dialstring"));
        harness.expect(200, "POST", "/bridges?type=mixing&bridgeId=em-directions");
        harness.expect(204, "POST", "/bridges/em-directions/addChannel?channel=" + call.channelId() + ","
                + in.mediaId + "," + out.mediaId);
        harness.sim.sendTone(call.callerChannelId(), 440, 200).await();
        SimHarness.awaitCondition("the caller's tone at the in app", () -> in.media.frames().size() >= 10);
        in.media.sendBinary(Ulaw.tone(1000, 200));
        out.media.sendBinary(Ulaw.tone(1000, 200));
        SimHarness.awaitCondition("the out app's audio at the caller",
                () -> harness.sim.receivedAudio(call.callerChannelId()).await().frames() >= 10);
        SimHarness.awaitCondition("the out app's audio at the in app", () -> in.media.frames().size() >= 20);
        assertEquals(10, harness.sim.receivedAudio(call.callerChannelId()).await().frames(), "the in app's audio is dropped");
        assertEquals(0, out.media.frames().size(), "direction out sends the app nothing");
        harness.expect(204, "DELETE", "/channels/" + out.mediaId);
        out.media.close();
        finish(call, in);
        assertEquals("An internal error prevented this request from being handled", harness.expect(500, "POST",
                CREATE.replace("format=ulaw", "format=no-such-format")).getString("message"));
    }

    @Test
    void slin16CarriesSixteenKilohertzLinearFramesBothWays() {
        InboundCall call = harness.answeredCall();
        JsonObject channel = harness.expect(200, "POST", CREATE.replace("format=ulaw", "format=slin16"));
        assertEquals("640", channel.getJsonObject("channelvars").getString("MEDIA_WEBSOCKET_OPTIMAL_FRAME_SIZE"));
        harness.expect(204, "DELETE", "/channels/" + channel.getString("id"));
        Bridged bridged = bridge(call, CREATE.replace("format=ulaw", "format=slin16"));
        assertTrue(bridged.media.awaitText("MEDIA_START").endsWith(" format:slin16 optimal_frame_size:640 ptime:20"));
        byte[] tone = Ulaw.tone(440, 200);
        harness.sim.sendTone(call.callerChannelId(), 440, 200).await();
        SimHarness.awaitCondition("the caller's tone at the app", () -> bridged.media.frames().size() >= 10);
        assertTrue(bridged.media.frames().stream().allMatch(frame -> frame.length == 640));
        byte[] linear = concat(bridged.media.frames());
        for (int i = 0; i < tone.length; i++) {
            int sample = (short) ((linear[4 * i] & 0xFF) | (linear[4 * i + 1] << 8));
            assertEquals(Ulaw.decode(tone[i]), sample, "sample " + i);
        }
        bridged.media.sendBinary(Arrays.copyOf(linear, 6400));
        SimHarness.awaitCondition("the app's audio at the caller",
                () -> harness.sim.receivedAudio(call.callerChannelId()).await().frames() >= 10);
        assertArrayEquals(tone, Arrays.copyOf(harness.sim.receivedAudio(call.channelId()).await().ulaw(), tone.length));
        finish(call, bridged);
    }

    private record Bridged(String mediaId, String bridgeId, MediaClient media) {
    }

    /** An external media channel with its socket open and in Stasis; {@code bridgeId} is where the test puts it, if known. */
    private Bridged connect(String create, String bridgeId) {
        JsonObject channel = harness.expect(200, "POST", create);
        String mediaId = channel.getString("id");
        MediaClient media = MediaClient.open(harness.sim.port(),
                channel.getJsonObject("channelvars").getString("MEDIA_WEBSOCKET_CONNECTION_ID"), "media");
        harness.awaitEvent("StasisStart", mediaId);
        return new Bridged(mediaId, bridgeId, media);
    }

    private Bridged bridge(InboundCall call, String create) {
        Bridged connected = connect(create, null);
        String bridgeId = "em-" + connected.mediaId;
        harness.expect(200, "POST", "/bridges?type=mixing&bridgeId=" + bridgeId);
        harness.expect(204, "POST", "/bridges/" + bridgeId + "/addChannel?channel=" + call.channelId() + "," + connected.mediaId);
        return new Bridged(connected.mediaId, bridgeId, connected.media);
    }

    private void finish(InboundCall call, Bridged bridged) {
        harness.expect(204, "DELETE", "/channels/" + bridged.mediaId);
        harness.expect(204, "DELETE", "/channels/" + call.channelId());
        harness.expect(204, "DELETE", "/bridges/" + bridged.bridgeId);
        harness.awaitIdle();
    }

    private static byte[] concat(List<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
