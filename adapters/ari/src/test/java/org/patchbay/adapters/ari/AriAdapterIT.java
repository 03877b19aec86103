package org.patchbay.adapters.ari;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.asterisk.sim.SimOptions;
import org.patchbay.asterisk.sim.SimulatedAsterisk;
import org.patchbay.core.telephony.TelephonyEvent;
import org.patchbay.core.telephony.TelephonyException;
import org.patchbay.core.telephony.TelephonyStatus.State;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The ARI adapter against the simulated Asterisk: connection, events, commands, reconnection. */
class AriAdapterIT {
    private Vertx vertx;
    private SimulatedAsterisk sim;
    private AriConnection connection;
    private AriTelephony telephony;
    private final List<TelephonyEvent> events = new CopyOnWriteArrayList<>();
    private final List<Boolean> onEventLoop = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        sim = new SimulatedAsterisk(SimOptions.defaults().withTimeScale(0.05).withCredentials("pb", "secret"));
        await(sim.start(vertx));
        connection = new AriConnection(vertx, AriSettings.of(sim.baseUrl(), "pb", "secret", "patchbay")
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(30)));
        telephony = new AriTelephony(connection);
        telephony.onEvent(event -> {
            onEventLoop.add(Context.isOnEventLoopThread());
            events.add(event);
        });
        vertx.runOnContext(v -> connection.start());
        waitUntil(() -> connection.status().state() == State.CONNECTED);
    }

    @AfterEach
    void stop() {
        await(connection.stop());
        await(sim.stop());
        await(vertx.close());
    }

    @Test
    void reportsTheAsteriskAndAriVersions() {
        assertEquals("22.10.1", connection.status().asteriskVersion());
        assertEquals("10.0.0", connection.status().ariVersion());
    }

    @Test
    void eventsArriveMappedAndOnAnEventLoopAndCommandsWork() {
        InboundCall call = await(sim.startInboundCall("+15551234567", "1000", "Alice"));
        TelephonyEvent.StasisStarted started = (TelephonyEvent.StasisStarted) waitFor(TelephonyEvent.StasisStarted.class);
        assertEquals(call.channelId(), started.channel().id());
        assertEquals(List.of("1000"), started.args());
        assertEquals("+15551234567", started.channel().callerNumber());
        assertEquals("1000", started.channel().exten());

        await(onContext(() -> telephony.answer(call.channelId())));
        await(onContext(() -> telephony.play(call.channelId(), "pb-1", List.of("sound:beep"), "en")));
        TelephonyEvent.PlaybackFinished finished = (TelephonyEvent.PlaybackFinished) waitFor(TelephonyEvent.PlaybackFinished.class);
        assertEquals("pb-1", finished.playbackId());
        assertEquals("done", finished.state());
        await(onContext(() -> telephony.hangup(call.channelId(), "normal")));
        waitFor(TelephonyEvent.StasisEnded.class);
        assertTrue(onEventLoop.stream().allMatch(b -> b), "every event is handed over on a Vert.x event loop");
    }

    @Test
    void watchingAnEndpointBringsItsStateChangesButNoneOfItsChannelsTraffic() throws Exception {
        await(onContext(() -> telephony.watch("endpoint:PJSIP")));
        await(sim.setEndpointState("PJSIP/bob", "online"));
        waitUntil(() -> events.contains(new TelephonyEvent.EndpointStateChanged("PJSIP/bob", "online")));
        // A call of the PBX that is not Patchbay's: another ARI client originates it into the dialplan.
        HttpResponse<String> originated = ari("POST", "/channels?endpoint=PJSIP%2Fbob&context=caller&extension=2000&channelId=pbx-call");
        assertEquals(200, originated.statusCode(), originated.body());
        Thread.sleep(200);
        ari("DELETE", "/channels/pbx-call");
        // Events come in order: once this one is here, any of the call's would have come before it.
        await(sim.setEndpointState("PJSIP/carol", "online"));
        waitUntil(() -> events.contains(new TelephonyEvent.EndpointStateChanged("PJSIP/carol", "online")));
        assertEquals(List.of(), events.stream().filter(e -> e.toString().contains("pbx-call")).toList());
        JsonObject app = application("patchbay-presence");
        assertEquals("[{\"type\":\"EndpointStateChange\"},{\"type\":\"DeviceStateChanged\"}]",
                app.getJsonArray("events_allowed").encode(), "Asterisk drops the rest: " + app);
    }

    @Test
    void endsTheEndpointWatchesAnEarlierPatchbayLeftOnTheCallApp() throws Exception {
        // As Patchbay did before the presence app; Asterisk keeps the subscription across reconnections.
        await(onContext(() -> telephony.subscribe("endpoint:PJSIP")));
        assertEquals(List.of("PJSIP"), application("patchbay").getJsonArray("endpoint_ids").getList());
        await(sim.refuseEventSockets(1500));
        await(sim.disconnectEventSockets());
        waitUntil(() -> connection.status().state() == State.CONNECTING);
        waitUntil(() -> connection.status().state() == State.CONNECTED);
        assertEquals(List.of(), application("patchbay").getJsonArray("endpoint_ids").getList(), "ended before connected");
    }

    private JsonObject application(String app) throws Exception {
        return new JsonObject(ari("GET", "/applications/" + app).body());
    }

    /** A request to the simulator's ARI as another client of the PBX makes it. */
    private HttpResponse<String> ari(String method, String path) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString("pb:secret".getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/ari" + path))
                .header("Authorization", auth).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGoneChannelIsAFailedFutureSayingSo() {
        Throwable failure = awaitFailure(onContext(() -> telephony.answer("no-such-channel")));
        TelephonyException e = assertInstanceOf(TelephonyException.class, failure);
        assertEquals(404, e.status());
        assertTrue(e.isGone());
        assertEquals("Channel not found", e.getMessage());
    }

    @Test
    void reconnectsWhenTheEventSocketDropsAndShowsConnectingMeanwhile() {
        await(sim.refuseEventSockets(1500));
        await(sim.disconnectEventSockets());
        waitUntil(() -> connection.status().state() == State.CONNECTING);
        waitUntil(() -> connection.status().state() == State.CONNECTED);
        InboundCall call = await(sim.startInboundCall("+15550000000", "2000", "Bob"));
        waitUntil(() -> events.stream().anyMatch(e -> e instanceof TelephonyEvent.StasisStarted s
                && s.channel().id().equals(call.channelId())));
    }

    /**
     * "Connected" promises that a call placed now reaches Patchbay. Here the sim registers the app 300 ms after
     * the upgrade (Asterisk 22 does it before), so a link that took the 101 for registration would say
     * connected while Stasis() still fails, and the call placed at that moment would be lost.
     */
    @Test
    void saysConnectedOnlyOnceAsteriskListsTheApp() {
        await(connection.stop());
        await(sim.delayAppRegistration(300));
        connection = new AriConnection(vertx, AriSettings.of(sim.baseUrl(), "pb", "secret", "patchbay")
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(30)));
        connection.onEvent(events::add);
        long started = System.nanoTime();
        vertx.runOnContext(v -> connection.start());
        waitUntil(() -> connection.status().state() == State.CONNECTED);
        InboundCall call = await(sim.startInboundCall("+15550000000", "2001", "Carol"));

        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(300), "connected before the app existed");
        waitUntil(() -> events.stream().anyMatch(e -> e instanceof TelephonyEvent.StasisStarted s
                && s.channel().id().equals(call.channelId())));
    }

    /**
     * A second client of the same app takes it over (ari-captures/app-lifecycle.jsonl: the first socket is told
     * ApplicationReplaced and stays open). The first link says so and does not take the app back, which would
     * take it from the other client in turn.
     */
    @Test
    void anotherClientOfTheSameAppReplacesThisLinkWhichSaysSoAndLetsIt() throws InterruptedException {
        AriConnection other = new AriConnection(vertx, AriSettings.of(sim.baseUrl(), "pb", "secret", "patchbay")
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(30)));
        List<TelephonyEvent> othersEvents = new CopyOnWriteArrayList<>();
        other.onEvent(othersEvents::add);
        vertx.runOnContext(v -> other.start());
        waitUntil(() -> other.status().state() == State.CONNECTED);

        waitUntil(() -> connection.status().state() == State.REPLACED);
        assertTrue(connection.status().detail().contains("another ARI client"), connection.status().detail());
        InboundCall call = await(sim.startInboundCall("+15550000000", "2002", "Dave"));
        waitUntil(() -> othersEvents.stream().anyMatch(e -> e instanceof TelephonyEvent.StasisStarted s
                && s.channel().id().equals(call.channelId())));
        Thread.sleep(500);
        assertEquals(State.REPLACED, connection.status().state());
        assertEquals(State.CONNECTED, other.status().state());
        await(other.stop());
    }

    @Test
    void wrongCredentialsKeepRetryingAndSaySo() {
        AriConnection wrong = new AriConnection(vertx, AriSettings.of(sim.baseUrl(), "pb", "nope", "other")
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(300)));
        vertx.runOnContext(v -> wrong.start());
        waitUntil(() -> wrong.status().state() == State.DOWN);
        assertTrue(wrong.status().detail().contains("401"), wrong.status().detail());
        await(wrong.stop());
    }

    private <T> Future<T> onContext(Supplier<Future<T>> command) {
        io.vertx.core.Promise<T> promise = io.vertx.core.Promise.promise();
        vertx.runOnContext(v -> command.get().onComplete(promise));
        return promise.future();
    }

    private TelephonyEvent waitFor(Class<? extends TelephonyEvent> type) {
        waitUntil(() -> events.stream().anyMatch(type::isInstance));
        return events.stream().filter(type::isInstance).findFirst().orElseThrow();
    }

    private static void waitUntil(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fail("condition not met in time");
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Throwable awaitFailure(Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }
}
