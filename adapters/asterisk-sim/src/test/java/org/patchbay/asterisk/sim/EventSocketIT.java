package org.patchbay.asterisk.sim;

import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The events WebSocket: registering apps, authentication, and the control API's ways to break it. */
class EventSocketIT extends SimIT {

    @Test
    void anAppIsRegisteredWhileItsSocketIsOpen() {
        assertEquals("patchbay", harness.expect(200, "GET", "/applications/patchbay").getString("name"));

        harness.app.close();

        SimHarness.awaitCondition("the app to be unregistered",
                () -> harness.ari.ari("GET", "/applications/patchbay", null).status() == 404);
    }

    /** As Asterisk 22.10.1 answers in {@code ari-captures/app-lifecycle.jsonl}. */
    @Test
    void anAppStaysListedWithoutItsSocketWhileAChannelIsStillInIt() throws Exception {
        InboundCall held = harness.call();
        harness.app.close();
        harness.app.closed().await(SimHarness.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        awaitACallRefused();

        JsonObject app = harness.expect(200, "GET", "/applications/patchbay");
        assertEquals(List.of(held.channelId()), app.getJsonArray("channel_ids").getList());
        assertEquals(1, harness.expectArray("/applications").size());

        harness.sim.hangUp(held.channelId()).await();
        SimHarness.awaitCondition("the app to be gone once its last channel is",
                () -> harness.ari.ari("GET", "/applications/patchbay", null).status() == 404);
    }

    /**
     * A call failing to enter Stasis shows the sim has seen the socket go. It sees that a moment after the client
     * does, and a call placed before then still enters the app: that one is hung up and another placed.
     */
    private void awaitACallRefused() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SimHarness.TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            InboundCall next = harness.sim.startInboundCall("+15550000000", "1001", "").await();
            if (SimHarness.holdsWithin(1_000, () -> !harness.sim.state().await().channels().contains(next.channelId()))) {
                return;
            }
            harness.sim.hangUp(next.channelId()).await();
            SimHarness.awaitCondition("the call placed too early to be gone",
                    () -> !harness.sim.state().await().channels().contains(next.channelId()));
        }
        throw new AssertionError("no call was refused once the app's socket closed");
    }

    @Test
    void disconnectingDropsEverySocketAndTheAppCanReconnect() throws Exception {
        harness.sim.disconnectEventSockets().await();

        harness.app.closed().await(SimHarness.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        try (EventCollector again = EventCollector.connect(harness.vertx, harness.sim.port(), "patchbay")) {
            InboundCall call = harness.sim.startInboundCall("+15550001111", "1000", "").await();
            again.await(event -> "StasisStart".equals(event.getString("type"))
                    && call.channelId().equals(event.getJsonObject("channel").getString("id")), 1, SimHarness.TIMEOUT_MILLIS);
        }
    }

    @Test
    void aSecondSocketForTheAppTakesItOverAndTheFirstIsToldSo() throws Exception {
        try (EventCollector second = EventCollector.connect(harness.vertx, harness.sim.port(), "patchbay")) {
            JsonObject replaced = harness.app.await(event -> "ApplicationReplaced".equals(event.getString("type")),
                    1, SimHarness.TIMEOUT_MILLIS).get(0);
            assertEquals("patchbay", replaced.getString("application"));

            harness.app.close();
            harness.app.closed().await(SimHarness.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            InboundCall call = harness.sim.startInboundCall("+15550001111", "1000", "").await();
            second.await(event -> "StasisStart".equals(event.getString("type"))
                    && call.channelId().equals(event.getJsonObject("channel").getString("id")), 1, SimHarness.TIMEOUT_MILLIS);
        }
    }

    @Test
    void upgradesAreRefusedForAWhile() {
        harness.sim.refuseEventSockets(60_000).await();

        Exception refused = assertThrows(Exception.class,
                () -> EventCollector.connect(harness.vertx, harness.sim.port(), "second"));
        assertInstanceOf(UpgradeRejectedException.class, refused);
        assertEquals(503, ((UpgradeRejectedException) refused).getStatus());

        harness.sim.refuseEventSockets(0).await();
        EventCollector.connect(harness.vertx, harness.sim.port(), "second").close();
    }

    @Test
    void badCredentialsAreRejected() {
        WebSocketClient client = harness.vertx.createWebSocketClient();
        try {
            Exception rejected = assertThrows(Exception.class, () -> client.connect(new WebSocketConnectOptions()
                    .setHost("127.0.0.1").setPort(harness.sim.port())
                    .setURI("/ari/events?app=intruder&api_key=ari:wrong")).await());
            assertEquals(401, ((UpgradeRejectedException) rejected).getStatus());
        } finally {
            client.close();
        }
        AriClient.Response response = harness.ari.ariWithAuthorization("GET", "/asterisk/ping",
                AriClient.basic("ari", "wrong"));
        assertEquals(401, response.status());
        assertEquals("Authentication required", ((JsonObject) response.json()).getString("message"));
    }

    @Test
    void oneSocketCanCarrySeveralApps() {
        EventCollector both = EventCollector.connect(harness.vertx, harness.sim.port(), "alpha,beta");
        SimHarness.awaitCondition("both apps registered", () -> harness.expectArray("/applications").size() == 3);
        assertTrue(harness.expectArray("/applications").stream()
                .anyMatch(app -> "beta".equals(((JsonObject) app).getString("name"))));
        both.close();
    }

    @Test
    void anAppCanSubscribeToABridgeItHasNoChannelIn() {
        harness.expect(200, "POST", "/bridges?bridgeId=lonely");

        JsonObject app = harness.expect(200, "POST", "/applications/patchbay/subscription?eventSource=bridge:lonely");
        assertEquals("lonely", app.getJsonArray("bridge_ids").getString(0));
        harness.expect(204, "DELETE", "/bridges/lonely");

        harness.awaitEvent("BridgeDestroyed", "lonely");
        harness.expect(422, "DELETE", "/applications/patchbay/subscription?eventSource=bridge:lonely");
        harness.expect(404, "POST", "/applications/nobody/subscription?eventSource=bridge:lonely");
    }
}
