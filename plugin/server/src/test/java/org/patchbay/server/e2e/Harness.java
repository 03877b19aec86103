package org.patchbay.server.e2e;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.asterisk.sim.SimOptions;
import org.patchbay.asterisk.sim.SimState;
import org.patchbay.asterisk.sim.SimulatedAsterisk;
import org.patchbay.core.events.CallEvent;
import org.patchbay.core.events.LocalEvents;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Page;
import org.patchbay.server.Patchbay;
import org.patchbay.server.config.ConfigLoader;
import org.patchbay.server.config.PatchbayConfig;
import org.patchbay.testkit.FakeAppServer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole service end to end, as a caller and an application developer meet it: a simulated
 * Asterisk (fast time), a real application server, and Patchbay started on port 0 between them.
 * With {@code ARI_URL} set, the same tests run against that real Asterisk instead.
 */
public final class Harness implements AutoCloseable {
    public static final double TIME_SCALE = 0.05;
    /** Nodes sharing a Redis need one secrets key: each would otherwise generate its own in its data directory. */
    public static final String SHARED_SECRETS_KEY = "c2hhcmVkIHNlY3JldHMga2V5IG9mIHRoZSB0ZXN0cyEh";

    public final Vertx vertx;
    public final SimulatedAsterisk asterisk;
    public final FakeAppServer app;
    public Patchbay patchbay;
    private final PatchbayConfig config;

    private final List<CallEvent> activity = new CopyOnWriteArrayList<>();

    private Harness(Vertx vertx, SimulatedAsterisk asterisk, FakeAppServer app, Patchbay patchbay, PatchbayConfig config) {
        this.config = config;
        this.vertx = vertx;
        this.asterisk = asterisk;
        this.app = app;
        this.patchbay = patchbay;
        vertx.eventBus().<Object>localConsumer(LocalEvents.ADDRESS, message -> {
            if (message.body() instanceof CallEvent event) {
                activity.add(event);
            }
        });
    }

    /** Waits until the call on this channel has published an event of this kind (e.g. {@code GatherStarted}: it now waits for keys). */
    public <E extends CallEvent> E awaitActivity(String channelId, Class<E> kind) {
        waitUntil(kind.getSimpleName() + " on " + channelId, () -> activity.stream().anyMatch(e -> kind.isInstance(e)
                && channelId.equals(e.call().channelId())));
        return activity.stream().filter(e -> kind.isInstance(e) && channelId.equals(e.call().channelId())).map(kind::cast)
                .findFirst().orElseThrow();
    }

    public static Harness start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    public static Harness start(Path dataDir, Map<String, String> extraEnv) {
        return start(Vertx.vertx(), dataDir, extraEnv);
    }

    /** Starts on {@code vertx} (e.g. one that records its own metrics); closing the harness closes it. */
    public static Harness start(Vertx vertx, Path dataDir, Map<String, String> extraEnv) {
        SimulatedAsterisk sim = new SimulatedAsterisk(SimOptions.defaults().withTimeScale(TIME_SCALE)
                .withCredentials("patchbay", "sim-secret"));
        await(sim.start(vertx));
        FakeAppServer app = await(FakeAppServer.start(vertx));
        Map<String, String> env = new HashMap<>(Map.of(
                "PATCHBAY_HTTP_PORT", "0",
                "PATCHBAY_ARI_URL", sim.baseUrl(),
                "PATCHBAY_ARI_USER", "patchbay",
                "PATCHBAY_ARI_PASSWORD", "sim-secret",
                "PATCHBAY_DATA_DIR", dataDir.toString(),
                "PATCHBAY_EVENT_LOOPS", "2"));
        env.putAll(extraEnv);
        PatchbayConfig config = ConfigLoader.load(env);
        Patchbay patchbay = await(Patchbay.start(vertx, config));
        Harness harness = new Harness(vertx, sim, app, patchbay, config);
        harness.waitUntil("ARI connected", () -> patchbay.telephony().status().state()
                == org.patchbay.core.telephony.TelephonyStatus.State.CONNECTED);
        return harness;
    }

    /**
     * Stops Patchbay without a word to Asterisk, as a crash would (calls stay up in the PBX), and
     * starts a new one with the same configuration beside the same simulated Asterisk.
     */
    public void restartPatchbay() {
        restartPatchbay(() -> { });
    }

    /** Like {@link #restartPatchbay()}, doing {@code whileStopped} (e.g. damaging a file) between the stop and the start. */
    public void restartPatchbay(Runnable whileStopped) {
        await(patchbay.stop());
        whileStopped.run();
        patchbay = await(Patchbay.start(vertx, config));
        waitUntil("ARI connected again", () -> patchbay.telephony().status().state()
                == org.patchbay.core.telephony.TelephonyStatus.State.CONNECTED);
    }

    /** Maps a dialled number to a voice URL on the fake application server. */
    public PhoneNumber number(String number, String voicePath, String fallbackPath, String statusPath) {
        Instant now = Instant.now();
        PhoneNumber record = new PhoneNumber(Sids.next(Sids.PHONE_NUMBER), patchbay.mainAccount().sid(), number, number,
                app.url(voicePath), "POST", fallbackPath == null ? null : app.url(fallbackPath), "POST",
                statusPath == null ? null : app.url(statusPath), "POST", null, now, now);
        await(patchbay.store().of(PhoneNumber.KIND).put(record));
        return record;
    }

    public InboundCall call(String from, String to) {
        return await(asterisk.startInboundCall(from, to, "Caller"));
    }

    /** The call record for an inbound channel, once Patchbay has written it. */
    public CallRecord recordOf(String channelId, Predicate<CallRecord> ready) {
        CallRecord[] found = new CallRecord[1];
        waitUntil("call record of " + channelId, () -> {
            Page<CallRecord> page = await(patchbay.store().of(CallRecord.KIND)
                    .list(patchbay.mainAccount().sid(), r -> channelId.equals(r.channelId()), 0, 1));
            found[0] = page.items().isEmpty() ? null : page.items().get(0);
            return found[0] != null && ready.test(found[0]);
        });
        return found[0];
    }

    public CallRecord finished(String channelId) {
        return recordOf(channelId, r -> r.status().isFinal());
    }

    /** Waits until the PBX holds nothing Patchbay made and Patchbay holds nothing for calls. */
    public void assertNothingLeaked() {
        waitUntil("no leaked channels, bridges, playbacks or recordings", () -> {
            SimState state = await(asterisk.state());
            return state.channels().isEmpty() && state.playbacks().isEmpty() && state.bridges().isEmpty()
                    && state.liveRecordings().isEmpty()
                    && patchbay.calls().claimCount() == 0 && patchbay.calls().liveSessions().isEmpty();
        });
    }

    public void waitUntil(String what, Supplier<Boolean> condition) {
        waitFor(what, condition);
    }

    /** Polls {@code condition} every 20 ms for up to 20 s; fails naming {@code what} if it never holds. */
    public static void waitFor(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            sleep(Duration.ofMillis(20));
        }
        fail("timed out waiting for " + what);
    }

    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future failed: " + e.getMessage(), e);
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The channels in the simulated PBX's bridges, read through ARI as Patchbay would see them. */
    public List<String> bridgedChannels() {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(asterisk.baseUrl() + "/ari/bridges"))
                            .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                    .encodeToString("patchbay:sim-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new io.vertx.core.json.JsonArray(response.body()).stream()
                    .flatMap(b -> ((io.vertx.core.json.JsonObject) b).getJsonArray("channels").stream())
                    .map(Object::toString).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public List<String> heardMedia(String channelId) {
        return await(asterisk.heard(channelId)).stream().map(e -> e.kind() + " " + e.detail() + " " + e.outcome()).toList();
    }

    /** Every test ends by checking that no channel, bridge, playback or recording was left behind. */
    @Override
    public void close() {
        try {
            assertNothingLeaked();
        } finally {
            stopAll();
        }
    }

    private void stopAll() {
        await(patchbay.stop());
        await(app.close());
        await(asterisk.stop());
        await(vertx.close());
    }
}
