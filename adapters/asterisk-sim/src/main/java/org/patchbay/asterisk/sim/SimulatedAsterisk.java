package org.patchbay.asterisk.sim;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import org.patchbay.asterisk.sim.ari.ApiDocs;
import org.patchbay.asterisk.sim.ari.AriServer;
import org.patchbay.asterisk.sim.ari.CallerAudioRoutes;
import org.patchbay.asterisk.sim.ari.ControlRoutes;
import org.patchbay.asterisk.sim.ari.EventsSocket;
import org.patchbay.asterisk.sim.ari.RequestLog;
import org.patchbay.asterisk.sim.engine.Engine;
import org.patchbay.asterisk.sim.engine.SimControl;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A simulated Asterisk 22 speaking ARI (REST under {@code /ari} and the events WebSocket) on one port,
 * with a control API for tests (these methods, and JSON routes under {@code /sim}). All its state lives
 * on its own Vert.x context; every method here may be called from any thread and completes its future
 * on the caller's context when there is one.
 */
public final class SimulatedAsterisk {
    private final SimOptions options;
    private volatile Vertx vertx;
    private volatile Context context;
    private volatile Engine engine;
    private volatile RequestLog requestLog;
    private volatile EventsSocket eventsSocket;
    private volatile String deploymentId;
    private volatile int port;

    public SimulatedAsterisk(SimOptions options) {
        this.options = options;
    }

    /** Starts listening; completes with the port. */
    public Future<Integer> start(Vertx vertx) {
        this.vertx = vertx;
        return vertx.deployVerticle(new SimVerticle()).map(id -> {
            deploymentId = id;
            return port;
        });
    }

    public Future<Void> stop() {
        return deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
    }

    public int port() {
        return port;
    }

    /** {@code http://host:port}, the base URL to give an ARI client (ARI itself is below {@code /ari}). */
    public String baseUrl() {
        return "http://" + options.host() + ":" + port;
    }

    public SimOptions options() {
        return options;
    }

    /**
     * Simulated time now, in epoch milliseconds: the clock of {@link HeardEntry#atMillis()} and
     * {@link AriRequest#atMillis()}. Safe to call from any thread, so a caller can stamp what it sees
     * (an event as it is published, say) on the same clock as what the far end heard.
     */
    public long nowMillis() {
        Engine current = engine;
        if (current == null) {
            throw new IllegalStateException("the simulated Asterisk is not started");
        }
        return current.clock().nowMillis();
    }

    public Future<InboundCall> startInboundCall(String from, String to, String callerName) {
        return withControl(control -> control.startInboundCall(from, to, callerName));
    }

    /** A phone registered at {@code endpoint} ({@code PJSIP/alice-desk}) places a call to {@code to}. */
    public Future<InboundCall> startEndpointCall(String endpoint, String to) {
        return withControl(control -> control.startEndpointCall(endpoint, to, null));
    }

    /** The caller presses digits ({@code w} pauses 500 ms), 100 ms each with 100 ms between; completes once received. */
    public Future<Void> pressDigits(String channelId, String digits) {
        return pressDigits(channelId, digits, 100, 100);
    }

    public Future<Void> pressDigits(String channelId, String digits, int betweenMillis, int durationMillis) {
        return onContext(() -> engine.control().pressDigits(channelId, digits, betweenMillis, durationMillis));
    }

    /** The caller (the far end of the call {@code channelId} belongs to) hangs up. */
    public Future<Void> hangUp(String channelId) {
        return run(control -> control.hangUp(channelId));
    }

    /** The caller speaks for {@code millis} of simulated time. */
    public Future<Void> speak(String channelId, long millis) {
        return run(control -> control.speak(channelId, millis));
    }

    public Future<Void> startSpeaking(String channelId) {
        return run(control -> control.startSpeaking(channelId));
    }

    public Future<Void> stopSpeaking(String channelId) {
        return run(control -> control.stopSpeaking(channelId));
    }

    /** What far ends matching {@code endpointGlob} (e.g. {@code PJSIP/bob*}) do; the first matching rule wins. */
    public Future<Void> addOriginateRule(String endpointGlob, FarEndBehaviour behaviour, long ringMillis) {
        return run(control -> control.addRule(endpointGlob, behaviour, ringMillis));
    }

    /**
     * Who answers originates to endpoints matching {@code endpointGlob} that run answering-machine detection (the
     * {@code patchbay-amd} context): a human, a machine, a silent line or a fax. Without a rule: a human.
     */
    public Future<Void> addAmdCallee(String endpointGlob, AmdCallee callee) {
        return run(control -> control.addAmdCallee(endpointGlob, callee));
    }

    /** A phone at {@code endpoint} ({@code PJSIP/alice}) registers ({@code online}) or drops off ({@code offline}). */
    public Future<Void> setEndpointState(String endpoint, String state) {
        return run(control -> control.setEndpointState(endpoint, state));
    }

    public Future<Void> setDeviceState(String device, String state) {
        return run(control -> control.setDeviceState(device, state));
    }

    public Future<Void> clearOriginateRules() {
        return run(SimControl::clearRules);
    }

    public Future<Void> registerSound(String name, long millis) {
        return run(control -> control.registerSound(name, millis));
    }

    public Future<Void> setTimeScale(double scale) {
        return run(control -> control.setTimeScale(scale));
    }

    /** What the far end of the call {@code channelId} belongs to heard, in order; kept after the call ends. */
    public Future<List<HeardEntry>> heard(String channelId) {
        return withControl(control -> control.heard(channelId));
    }

    /**
     * The caller of the call {@code channelId} belongs to sends µ-law audio into it, one 160-byte frame per 20 ms
     * of real time (external media runs in real time); completes once the last frame went. Only a bridge
     * carries it on (to an external media channel, or another member's caller).
     */
    public Future<Void> sendAudio(String channelId, byte[] ulaw) {
        return onContext(() -> engine.callerAudio().send(channelId, ulaw));
    }

    /** {@link #sendAudio} of a sine tone ({@link org.patchbay.asterisk.sim.media.Ulaw#tone}). */
    public Future<Void> sendTone(String channelId, int hz, long millis) {
        return sendAudio(channelId, org.patchbay.asterisk.sim.media.Ulaw.tone(hz, millis));
    }

    /** The audio the caller of the call {@code channelId} belongs to received from its bridge; kept after the call. */
    public Future<ReceivedAudio> receivedAudio(String channelId) {
        return onContext(() -> Future.succeededFuture(engine.callerAudio().received(channelId)));
    }

    public Future<SimState> state() {
        return withControl(SimControl::state);
    }

    /** How many times each {@code sound:http(s)://} URL was downloaded. */
    public Future<Map<String, Integer>> mediaFetches() {
        return withControl(SimControl::mediaFetches);
    }

    public Future<Void> disconnectEventSockets() {
        return run(SimControl::disconnectEventSockets);
    }

    /** Refuses events WebSocket upgrades (HTTP 503) for the next {@code millis} real milliseconds. */
    public Future<Void> refuseEventSockets(long millis) {
        return onContext(() -> {
            eventsSocket.refuseFor(millis);
            return Future.succeededFuture();
        });
    }

    /** Registers the apps of later events sockets {@code millis} after their upgrade instead of before it (0 = as Asterisk). */
    public Future<Void> delayAppRegistration(long millis) {
        return onContext(() -> {
            eventsSocket.delayRegistration(millis);
            return Future.succeededFuture();
        });
    }

    /** The ARI requests received so far (up to {@link SimOptions#requestLogSize()}), oldest first. */
    public Future<List<AriRequest>> requests() {
        return onContext(() -> Future.succeededFuture(requestLog.entries()));
    }

    public Future<Void> clearRequests() {
        return onContext(() -> {
            requestLog.clear();
            return Future.succeededFuture();
        });
    }

    /** Per channel that entered Stasis (the last {@link SimOptions#heardCallsKept()}), when and when first played to. */
    public Future<List<StasisTiming>> stasisTimings() {
        return onContext(() -> Future.succeededFuture(engine.timings().entries()));
    }

    public Future<Void> clearStasisTimings() {
        return onContext(() -> {
            engine.timings().clear();
            return Future.succeededFuture();
        });
    }

    private Future<Void> run(Consumer<SimControl> action) {
        return withControl(control -> {
            action.accept(control);
            return null;
        });
    }

    private <T> Future<T> withControl(Function<SimControl, T> action) {
        return onContext(() -> Future.succeededFuture(action.apply(engine.control())));
    }

    private <T> Future<T> onContext(Supplier<Future<T>> action) {
        return OnSimContext.run(context, action);
    }

    /** Owns the sim's context: the engine, the HTTP server and every timer run on it. */
    private final class SimVerticle extends VerticleBase {
        private HttpServer server;

        @Override
        public Future<?> start() {
            Engine created = new Engine(vertx, context, options);
            RequestLog log = new RequestLog(options.requestLogSize());
            EventsSocket events = new EventsSocket(created.hub());
            return ApiDocs.load(vertx).compose(docs -> {
                Router router = Router.router(vertx);
                new AriServer(created, docs, log, events, options).mount(router);
                new ControlRoutes(created.control(), log, events, created.timings()).mount(router);
                new CallerAudioRoutes(created.callerAudio()).mount(router);
                return vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port())
                                .setWebSocketSubProtocols(AriServer.webSocketSubprotocols()))
                        .requestHandler(router)
                        .listen();
            }).onSuccess(listening -> {
                server = listening;
                engine = created;
                requestLog = log;
                eventsSocket = events;
                port = listening.actualPort();
                SimulatedAsterisk.this.context = context;
            });
        }

        @Override
        public Future<?> stop() {
            SimulatedAsterisk.this.context = null;
            engine.close();
            return server == null ? Future.succeededFuture() : server.close();
        }
    }
}
