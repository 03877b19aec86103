package org.patchbay.asterisk.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When each channel entered Stasis and was first played to, for benchmarks (Java API and {@code /sim/timings}). */
class StasisTimingsIT {
    private SimHarness harness;

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void theFirstPlayRequestIsTimedAfterStasisStart() {
        harness = SimHarness.start(0.02);
        InboundCall call = harness.call();
        String id = call.channelId();
        StasisTiming entered = only(harness.sim.stasisTimings().await());
        assertEquals(id, entered.channelId());
        assertNull(entered.firstPlayMicros());

        harness.expect(204, "POST", "/channels/" + id + "/answer");
        harness.expect(201, "POST", "/channels/" + id + "/play?media=sound:beep");
        long firstPlay = only(harness.sim.stasisTimings().await()).firstPlayMicros();
        assertTrue(firstPlay >= entered.stasisStartMicros(), "the play came after StasisStart");
        harness.expect(201, "POST", "/channels/" + id + "/play/second?media=sound:beep");
        assertEquals(firstPlay, only(harness.sim.stasisTimings().await()).firstPlayMicros(), "only the first play counts");

        JsonArray overHttp = (JsonArray) harness.ari.control("GET", "/timings", null).json();
        JsonObject timing = overHttp.getJsonObject(0);
        assertEquals(id, timing.getString("channelId"));
        assertEquals(entered.stasisStartMicros(), timing.getLong("stasisStartMicros"));
        assertEquals(firstPlay, timing.getLong("firstPlayMicros"));
        assertEquals(204, harness.ari.control("DELETE", "/timings", null).status());
        assertTrue(harness.sim.stasisTimings().await().isEmpty());
    }

    @Test
    void unauthenticatedOrOtherRequestsAreNotPlays() {
        harness = SimHarness.start(0.02);
        String id = harness.call().channelId();
        harness.ari.ariWithAuthorization("POST", "/channels/" + id + "/play?media=sound:beep", "Basic bm8=");
        harness.expect(204, "POST", "/channels/" + id + "/answer");
        harness.expect(204, "POST", "/channels/" + id + "/ring");
        assertNull(only(harness.sim.stasisTimings().await()).firstPlayMicros());
    }

    @Test
    void onlyTheLatestChannelsAreKept() {
        harness = SimHarness.start(SimOptions.defaults().withTimeScale(0.02).withHeardCallsKept(2));
        harness.call();
        String second = harness.call().channelId();
        String third = harness.call().channelId();
        List<String> kept = harness.sim.stasisTimings().await().stream().map(StasisTiming::channelId).toList();
        assertEquals(List.of(second, third), kept);
    }

    private static StasisTiming only(List<StasisTiming> timings) {
        assertEquals(1, timings.size(), "timings: " + timings);
        StasisTiming timing = timings.get(0);
        assertNotNull(timing);
        return timing;
    }
}
