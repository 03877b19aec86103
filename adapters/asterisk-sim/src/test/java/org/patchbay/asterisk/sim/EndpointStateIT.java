package org.patchbay.asterisk.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Endpoint and device states reach only the apps subscribed to them, shaped as Asterisk 22.10.1 writes
 * them (the DeviceStateChanged key order was read off the real one: application second).
 */
class EndpointStateIT {
    private SimHarness harness;

    @BeforeEach
    void start() {
        harness = SimHarness.start(0.02);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void subscribedAppsSeeEndpointAndDeviceStatesAndCanListTheEndpoints() {
        harness.expect(404, "GET", "/endpoints/PJSIP");
        harness.expect(422, "POST", "/applications/patchbay/subscription?eventSource=endpoint:PJSIP/nobody");
        harness.expect(200, "POST", "/applications/patchbay/subscription?eventSource=endpoint:PJSIP");
        JsonObject app = harness.expect(200, "POST", "/applications/patchbay/subscription?eventSource=deviceState:PJSIP/alice");
        assertEquals(List.of("PJSIP"), app.getJsonArray("endpoint_ids").getList());
        assertEquals(List.of("PJSIP/alice"), app.getJsonArray("device_names").getList());

        harness.sim.setEndpointState("PJSIP/alice", "online").await();
        JsonObject online = harness.app.await(e -> "EndpointStateChange".equals(e.getString("type")), 1, SimHarness.TIMEOUT_MILLIS)
                .get(0);
        assertEquals(List.of("type", "timestamp", "endpoint", "asterisk_id", "application"), List.copyOf(online.fieldNames()));
        assertEquals(new JsonObject().put("technology", "PJSIP").put("resource", "alice").put("state", "online")
                .put("channel_ids", new io.vertx.core.json.JsonArray()), online.getJsonObject("endpoint"));
        JsonObject free = harness.app.await(e -> "DeviceStateChanged".equals(e.getString("type")), 1, SimHarness.TIMEOUT_MILLIS)
                .get(0);
        assertEquals(List.of("type", "application", "timestamp", "device_state", "asterisk_id"), List.copyOf(free.fieldNames()));
        assertEquals("patchbay", free.getString("application"));
        assertEquals(new JsonObject().put("name", "PJSIP/alice").put("state", "NOT_INUSE"), free.getJsonObject("device_state"));
        assertEquals("online", harness.expectArray("/endpoints/PJSIP").getJsonObject(0).getString("state"));

        harness.expect(200, "DELETE", "/applications/patchbay/subscription?eventSource=endpoint:PJSIP");
        harness.sim.setEndpointState("PJSIP/alice", "offline").await();
        harness.app.await(e -> "DeviceStateChanged".equals(e.getString("type")), 2, SimHarness.TIMEOUT_MILLIS);
        assertEquals(1, harness.app.events().stream().filter(e -> "EndpointStateChange".equals(e.getString("type"))).count(),
                "no endpoint events once unsubscribed");
    }

    /** As Asterisk 22.10.1 answers in {@code ari-captures/app-lifecycle-*-subscription.jsonl}. */
    @Test
    void anAppSubscribedToATechnologyStaysListedAfterItsSocketClosesButNotForADeviceAlone() throws Exception {
        harness.expect(200, "POST", "/applications/patchbay/subscription?eventSource=endpoint:PJSIP");
        EventCollector other = EventCollector.connect(harness.vertx, harness.sim.port(), "devices-only");
        harness.expect(200, "POST", "/applications/devices-only/subscription?eventSource=deviceState:PJSIP/alice");
        harness.app.close();
        other.close();
        harness.app.closed().await(SimHarness.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        other.closed().await(SimHarness.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        SimHarness.awaitCondition("the device-only app to be gone",
                () -> harness.ari.ari("GET", "/applications/devices-only", null).status() == 404);
        assertEquals(List.of("PJSIP"), harness.expect(200, "GET", "/applications/patchbay")
                .getJsonArray("endpoint_ids").getList());
    }

    /** As Asterisk 22.10.1 answers in {@code ari-captures/presence-app-event-filter.jsonl}. */
    @Test
    void anEndpointSubscriptionBringsItsChannelsEventsUnlessTheAppsFilterKeepsThemAway() {
        EventCollector presence = EventCollector.connect(harness.vertx, harness.sim.port(), "patchbay-presence");
        harness.sim.setEndpointState("PJSIP/bob", "online").await();
        harness.expect(200, "POST", "/applications/patchbay/subscription?eventSource=endpoint:PJSIP");
        harness.expect(200, "POST", "/applications/patchbay-presence/subscription?eventSource=endpoint:PJSIP");
        JsonObject allowed = new JsonObject().put("allowed", new JsonArray().add(new JsonObject().put("type", "EndpointStateChange"))
                .add(new JsonObject().put("type", "DeviceStateChanged")));
        AriClient.Response wrapped = harness.ari.ari("PUT", "/applications/patchbay-presence/eventFilter",
                new JsonObject().put("filter", allowed));
        assertEquals(200, wrapped.status());
        assertEquals(new JsonArray(), ((JsonObject) wrapped.json()).getJsonArray("events_allowed"), "a wrapped filter changes nothing");
        AriClient.Response applied = harness.ari.ari("PUT", "/applications/patchbay-presence/eventFilter", allowed);
        assertEquals(allowed.getJsonArray("allowed"), ((JsonObject) applied.json()).getJsonArray("events_allowed"));
        assertEquals(404, harness.ari.ari("PUT", "/applications/nobody/eventFilter", allowed).status());
        assertEquals(400, harness.ari.ari("PUT", "/applications/patchbay-presence/eventFilter",
                new JsonObject().put("allowed", new JsonArray().add(new JsonObject().put("name", "x")))).status());

        harness.expect(200, "POST", "/channels?endpoint=PJSIP/bob&context=caller&extension=2000&channelId=outside");
        harness.awaitEvent("ChannelStateChange", "outside");
        harness.expect(204, "DELETE", "/channels/outside");
        harness.awaitEvent("ChannelDestroyed", "outside");
        harness.sim.setEndpointState("PJSIP/bob", "offline").await();
        presence.await(e -> "EndpointStateChange".equals(e.getString("type")) && "offline".equals(
                e.getJsonObject("endpoint").getString("state")), 1, SimHarness.TIMEOUT_MILLIS);
        assertEquals(List.of(), presence.events().stream().filter(e -> SimHarness.concerns(e, "outside")).toList(),
                "the filtered app gets none of the call's events");
        presence.close();
    }
}
