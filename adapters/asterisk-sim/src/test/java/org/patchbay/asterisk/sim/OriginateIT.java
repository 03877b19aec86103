package org.patchbay.asterisk.sim;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outbound calls to endpoints whose far end is scripted with originate rules. */
class OriginateIT extends SimIT {

    @Test
    void anAnsweringFarEndRingsForItsRingTimeThenEntersTheApp() {
        harness.sim.addOriginateRule("PJSIP/alice*", FarEndBehaviour.ANSWER, 1500).await();

        JsonObject channel = originate("PJSIP/alice", "&appArgs=outbound&callerId=%22IVR%22%20%3C100%3E");
        String id = channel.getString("id");
        assertEquals("Down", channel.getString("state"));
        assertTrue(channel.getString("name").matches("PJSIP/alice-[0-9a-f]{8}"), channel.getString("name"));

        JsonObject start = harness.awaitEvent("StasisStart", id);
        assertEquals(List.of("outbound"), start.getJsonArray("args").getList());
        assertEquals("Up", start.getJsonObject("channel").getString("state"));
        List<JsonObject> events = harness.eventsAbout(id);
        assertEquals(List.of("Dial", "ChannelStateChange", "Dial", "ChannelStateChange", "Dial", "ChannelVarset",
                "StasisStart"), SimHarness.types(events));
        assertEquals(List.of("", "RINGING", "ANSWER"), events.stream().filter(e -> e.containsKey("dialstatus"))
                .map(e -> e.getString("dialstatus")).toList());
        assertTrue(SimHarness.simMillisBetween(events.get(0), start) >= 1500, "rang for the rule's ring time");
    }

    @Test
    void withoutRulesFarEndsAnswerAfterAShortRing() {
        String id = originate("SIP/anyone", "").getString("id");

        JsonObject start = harness.awaitEvent("StasisStart", id);

        assertTrue(SimHarness.simMillisBetween(harness.eventsAbout(id).get(0), start) >= 200);
    }

    @Test
    void aBusyFarEndEndsTheCallWithCause17() {
        harness.sim.addOriginateRule("PJSIP/bob*", FarEndBehaviour.BUSY, 0).await();

        String id = originate("PJSIP/bob", "").getString("id");

        assertEquals(17, harness.awaitEvent("ChannelDestroyed", id).getInteger("cause"));
        assertEquals(List.of("Dial", "Dial", "ChannelDestroyed"), SimHarness.types(harness.eventsAbout(id)));
        assertEquals("BUSY", harness.eventsAbout(id).get(1).getString("dialstatus"));
        harness.awaitIdle();
    }

    @Test
    void aFarEndThatNeverAnswersRingsUntilTheOriginateTimeout() {
        harness.sim.addOriginateRule("PJSIP/carol*", FarEndBehaviour.NO_ANSWER, 0).await();

        String id = originate("PJSIP/carol", "&timeout=2").getString("id");

        JsonObject destroyed = harness.awaitEvent("ChannelDestroyed", id);
        assertEquals(19, destroyed.getInteger("cause"));
        assertEquals("User alerting, no answer", destroyed.getString("cause_txt"));
        assertTrue(SimHarness.simMillisBetween(harness.eventsAbout(id).get(0), destroyed) >= 2000);
    }

    @Test
    void aFailingNetworkIsCongestionAndARejectionIsCause21() {
        harness.sim.addOriginateRule("IAX2/down*", FarEndBehaviour.FAIL, 0).await();
        harness.sim.addOriginateRule("PJSIP/*", FarEndBehaviour.REJECT, 0).await();

        String failed = originate("IAX2/down", "").getString("id");
        String rejected = originate("PJSIP/dave", "").getString("id");

        assertEquals(34, harness.awaitEvent("ChannelDestroyed", failed).getInteger("cause"));
        assertEquals("CONGESTION", harness.eventsAbout(failed).get(1).getString("dialstatus"));
        assertEquals(21, harness.awaitEvent("ChannelDestroyed", rejected).getInteger("cause"));
        assertEquals("CHANUNAVAIL", harness.eventsAbout(rejected).get(1).getString("dialstatus"));
    }

    @Test
    void aCreatedChannelDialedIntoABusyFarEndStaysInTheApp() {
        harness.sim.addOriginateRule("PJSIP/erin*", FarEndBehaviour.BUSY, 0).await();
        String id = harness.ari.ari("POST", "/channels/create?endpoint=PJSIP/erin&app=patchbay&channelId=leg-b", null)
                .json() instanceof JsonObject created ? created.getString("id") : null;
        harness.awaitEvent("StasisStart", id);

        harness.expect(204, "POST", "/channels/" + id + "/dial?timeout=5");

        assertEquals("BUSY", harness.awaitEvents("Dial", id, 2).get(1).getString("dialstatus"));
        assertEquals("Down", harness.expect(200, "GET", "/channels/" + id).getString("state"));
        harness.expect(204, "DELETE", "/channels/" + id);
        harness.awaitIdle();
    }

    @Test
    void theFarEndCanHangUpAnAnsweredCall() {
        String id = originate("PJSIP/frank", "").getString("id");
        harness.awaitEvent("StasisStart", id);

        harness.sim.hangUp(id).await();

        assertEquals(16, harness.awaitEvent("ChannelDestroyed", id).getInteger("cause"));
        List<String> types = SimHarness.types(harness.eventsAbout(id));
        assertEquals(List.of("ChannelHangupRequest", "StasisEnd", "ChannelVarset", "ChannelDestroyed"),
                types.subList(types.size() - 4, types.size()));
        harness.awaitIdle();
    }

    @Test
    void clearedRulesFallBackToAnswering() {
        harness.sim.addOriginateRule("PJSIP/*", FarEndBehaviour.BUSY, 0).await();
        harness.sim.clearOriginateRules().await();

        harness.awaitEvent("StasisStart", originate("PJSIP/grace", "").getString("id"));
    }

    private JsonObject originate(String endpoint, String extra) {
        AriClient.Response response = harness.ari.ari("POST", "/channels?endpoint=" + endpoint + "&app=patchbay"
                + extra, null);
        assertEquals(200, response.status(), "originate answered " + response.body());
        return (JsonObject) response.json();
    }
}
