package org.patchbay.asterisk.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The control API over HTTP under {@code /sim}, for a sim running in its own process. */
class ControlHttpIT extends SimIT {

    @Test
    void aCallDrivenOverHttp() {
        harness.ari.control("POST", "/sounds", new JsonObject().put("name", "custom/welcome").put("durationMs", 900));
        AriClient.Response created = harness.ari.control("POST", "/calls",
                new JsonObject().put("from", "+15557654321").put("to", "3000").put("callerName", "Bob"));
        assertEquals(201, created.status());
        String channelId = ((JsonObject) created.json()).getString("channelId");
        harness.awaitEvent("StasisStart", channelId);
        harness.expect(204, "POST", "/channels/" + channelId + "/answer");
        harness.expect(201, "POST", "/channels/" + channelId + "/play?media=sound:custom/welcome&playbackId=welcome");
        assertEquals("done", harness.awaitEvent("PlaybackFinished", "welcome").getJsonObject("playback").getString("state"));

        assertEquals(204, harness.ari.control("POST", "/calls/" + channelId + "/digits",
                new JsonObject().put("digits", "7")).status());
        assertEquals("7", harness.awaitEvent("ChannelDtmfReceived", channelId).getString("digit"));
        JsonArray heard = (JsonArray) harness.ari.control("GET", "/calls/" + channelId + "/heard", null).json();
        assertEquals("sound:custom/welcome", heard.getJsonObject(0).getString("detail"));
        assertEquals("done", heard.getJsonObject(0).getString("outcome"));

        assertEquals(204, harness.ari.control("POST", "/calls/" + channelId + "/hangup", null).status());
        harness.awaitEvent("StasisEnd", channelId);
        SimHarness.awaitCondition("the sim to be idle", () -> ((JsonObject) harness.ari.control("GET", "/state", null)
                .json()).getJsonArray("channels").isEmpty());
        JsonArray requests = (JsonArray) harness.ari.control("GET", "/requests", null).json();
        assertTrue(requests.stream().map(JsonObject.class::cast)
                .anyMatch(request -> request.getString("path").equals("/channels/" + channelId + "/answer")));
    }

    @Test
    void rulesTimeScaleAndSocketsOverHttp() {
        assertEquals(204, harness.ari.control("POST", "/rules", new JsonObject().put("endpoint", "PJSIP/busy*")
                .put("behaviour", "busy")).status());
        AriClient.Response originated = harness.ari.ari("POST", "/channels?endpoint=PJSIP/busy-line&app=patchbay", null);
        String id = ((JsonObject) originated.json()).getString("id");
        assertEquals(17, harness.awaitEvent("ChannelDestroyed", id).getInteger("cause"));
        assertEquals(204, harness.ari.control("DELETE", "/rules", null).status());

        assertEquals(204, harness.ari.control("PUT", "/time-scale", new JsonObject().put("scale", 0.01)).status());
        assertEquals(new JsonObject(), harness.ari.control("GET", "/media-fetches", null).json());
        assertEquals(204, harness.ari.control("POST", "/events/refuse", new JsonObject().put("ms", 0)).status());
        assertEquals(204, harness.ari.control("POST", "/events/disconnect", null).status());
        harness.app.closed().await();
        assertEquals(204, harness.ari.control("DELETE", "/requests", null).status());
        assertEquals(0, ((JsonArray) harness.ari.control("GET", "/requests", null).json()).size());
    }

    @Test
    void amdCalleesOverHttpDecideWhatPatchbaysContextReports() {
        assertEquals(204, harness.ari.control("POST", "/amd-callees", new JsonObject().put("endpoint", "PJSIP/vm*")
                .put("callee", "machine")).status());
        AriClient.Response machine = harness.ari.ari("POST",
                "/channels?endpoint=PJSIP/vm-1&context=patchbay-amd&extension=s&priority=1&channelId=amd-1", null);
        assertEquals(200, machine.status());
        assertEquals("Down", ((JsonObject) machine.json()).getString("state"));
        JsonObject started = harness.awaitEvent("StasisStart", "amd-1");
        assertEquals(new JsonArray().add("amd").add("MACHINE").add("LONGGREETING-1500-1500"), started.getJsonArray("args"));
        assertEquals("patchbay-amd", started.getJsonObject("channel").getJsonObject("dialplan").getString("context"));
        assertEquals(new JsonObject().put("value", "MACHINE"),
                harness.ari.ari("GET", "/channels/amd-1/variable?variable=AMDSTATUS", null).json());

        harness.ari.ari("POST", "/channels?endpoint=PJSIP/someone&context=patchbay-amd&extension=s&priority=1&channelId=amd-2",
                null);
        assertEquals(new JsonArray().add("amd").add("HUMAN").add("HUMAN-805-800"),
                harness.awaitEvent("StasisStart", "amd-2").getJsonArray("args"), "without a rule the callee is a human");
        assertEquals(400, harness.ari.control("POST", "/amd-callees", new JsonObject().put("endpoint", "PJSIP/x*")
                .put("callee", "robot")).status());
    }

    @Test
    void unknownCallsAreNotFound() {
        assertEquals(404, harness.ari.control("POST", "/calls/nope/hangup", null).status());
        assertEquals(404, harness.ari.control("GET", "/calls/nope/heard", null).status());
    }
}
