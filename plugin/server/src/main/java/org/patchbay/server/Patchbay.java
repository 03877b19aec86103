package org.patchbay.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.patchbay.adapters.ari.AriConnection;
import org.patchbay.adapters.ari.AriSettings;
import org.patchbay.adapters.ari.AriTelephony;
import org.patchbay.adapters.http.HttpInstructionSource;
import org.patchbay.adapters.http.HttpWebhookSender;
import org.patchbay.adapters.tts.EspeakSettings;
import org.patchbay.adapters.tts.SpeechIdKey;
import org.patchbay.adapters.tts.EspeakTtsEngine;
import org.patchbay.core.account.Account;
import org.patchbay.core.call.CallRouter;
import org.patchbay.core.call.CallServices;
import org.patchbay.core.call.InboundRouting;
import org.patchbay.core.call.LiveCallService;
import org.patchbay.core.call.ForwardedCommands;
import org.patchbay.core.call.SessionStreams;
import org.patchbay.core.node.NodeBus;
import org.patchbay.core.livecall.RoomForwarding;
import org.patchbay.core.call.SessionContexts;
import org.patchbay.core.call.StasisReconciler;
import org.patchbay.core.call.VerbExecutors;
import org.patchbay.core.conference.ConferenceRooms;
import org.patchbay.core.conference.ConferenceServices;
import org.patchbay.core.events.EventRouter;
import org.patchbay.core.queue.QueueRooms;
import org.patchbay.core.telephony.EventRoutes;
import org.patchbay.core.notification.Notifications;
import org.patchbay.core.recording.RecordingService;
import org.patchbay.core.store.Store;
import org.patchbay.core.tts.TtsEngine;
import org.patchbay.core.twiml.TwimlParser;
import org.patchbay.core.webhook.RefusalNotices;
import org.patchbay.core.webhook.InFlightWebhooks;
import org.patchbay.server.node.NodeWiring;
import org.patchbay.server.retention.RetentionWiring;
import org.patchbay.server.config.PatchbayConfig;
import org.patchbay.server.config.Setting;
import org.patchbay.server.events.EventWiring;
import org.patchbay.server.config.OutboundSettings;
import org.patchbay.adapters.http.HttpClientSettings;
import org.patchbay.adapters.http.VertxStreamConnector;
import org.patchbay.adapters.http.FetchPolicy;
import org.patchbay.adapters.http.WebhookSettings;
import org.patchbay.server.api.ApiDependencies;
import org.patchbay.server.api.ApiRoutes;
import org.patchbay.server.api.RoomRoutes;
import org.patchbay.server.api.streams.StreamRoutes;
import org.patchbay.server.api.outbound.OutboundPolicyRoutes;
import org.patchbay.server.http.HealthRoute;
import org.patchbay.server.http.PbxRecordingMedia;
import org.patchbay.server.http.AccountOutbound;
import org.patchbay.server.http.MediaWiring;
import org.patchbay.server.metrics.PatchbayMetrics;
import org.patchbay.server.dashboard.Dashboard;
import org.patchbay.server.dashboard.PanelPorts;
import org.patchbay.server.limits.PatchbayLimits;
import org.patchbay.server.presence.PresenceWiring;
import org.patchbay.server.sandbox.Sandbox;
import org.patchbay.server.usage.PatchbayUsage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A running Patchbay: the only place that constructs adapters and wires them to the core. Start it
 * with {@link #start(Vertx, PatchbayConfig)}; tests start it on port 0 beside a simulated Asterisk.
 */
public final class Patchbay {

    private final PatchbayConfig config;
    private final UnaryOperator<TtsEngine> speech;
    private final List<Supplier<Future<?>>> closers = new ArrayList<>();
    private Store store;
    private Account mainAccount;
    private boolean accountGenerated;
    private Sandbox sandbox;
    private HttpServer http;
    private String publicUrl;
    private AriConnection ari;
    private AriTelephony telephony;
    private CallRouter calls;
    private LiveCallService liveCalls;
    private EventRouter events;
    private EventWiring eventWiring;
    private PatchbayUsage usage;
    private PresenceWiring presence;
    private NodeWiring nodeWiring;

    private Patchbay(PatchbayConfig config, UnaryOperator<TtsEngine> speech) {
        this.config = config;
        this.speech = speech;
    }

    public static Future<Patchbay> start(Vertx vertx, PatchbayConfig config) {
        return start(vertx, config, UnaryOperator.identity());
    }

    /** Starts with the speech engine wrapped by {@code speech}: how a tool sees what each prompt said. */
    public static Future<Patchbay> start(Vertx vertx, PatchbayConfig config, UnaryOperator<TtsEngine> speech) {
        Patchbay patchbay = new Patchbay(config, speech);
        return patchbay.boot(vertx).map(v -> patchbay)
                .recover(failure -> patchbay.stop().transform(ignored -> Future.failedFuture(failure)));
    }

    private Future<Void> boot(Vertx vertx) {
        String node = NodeAddress.newNodeId();
        Router router = Router.router(vertx);
        return StoreWiring.open(vertx, config, closers)
                .compose(sealed -> {
                    store = sealed;
                    long sweeps = RetentionWiring.schedule(vertx, store, config.settings());
                    closers.add(() -> Future.succeededFuture(vertx.cancelTimer(sweeps)));
                    return MainAccount.ensure(store, config.accountSid(), config.authToken());
                })
                .compose(provisioned -> {
                    mainAccount = provisioned.account();
                    accountGenerated = provisioned.generated();
                    return NumberProvisioning.apply(store, mainAccount.sid(), config.numbers());
                })
                .compose(v -> vertx.createHttpServer(ApiRoutes.serverOptions()).requestHandler(router).invalidRequestHandler(ApiRoutes::answerInvalidRequest)
                        .listen(config.httpPort(), config.httpHost()))
                .compose(server -> {
                    http = server;
                    closers.add(server::close);
                    publicUrl = config.publicUrl() != null ? config.publicUrl() : NodeAddress.defaultPublicUrl(config.httpHost(), server.actualPort());
                    return config.sandbox() ? Sandbox.start(vertx, config, store, mainAccount, publicUrl) : Future.succeededFuture(null);
                })
                .compose(startedSandbox -> {
                    sandbox = startedSandbox;
                    PatchbayConfig effective = sandbox == null ? config : config.withAri(sandbox.ariUrl(), sandbox.ariUser(), sandbox.ariPassword());
                    if (sandbox != null) {
                        closers.add(sandbox::stop);
                    }
                    return MediaKeys.speechIdKey(vertx, config).compose(speechIdKey -> SessionContexts.create(vertx, config.eventLoops())
                            .map(contexts -> {
                                wireCalls(vertx, effective, contexts, node, router, speechIdKey);
                                return (Void) null;
                            }));
                });
    }

    /** Where the durable embedded store keeps its files (used when there is a real Asterisk and no Redis). */
    public Path storeDir() {
        return StoreWiring.dir(config);
    }

    private void wireCalls(Vertx vertx, PatchbayConfig effective, SessionContexts contexts, String node, Router router,
                           SpeechIdKey speechIdKey) {
        ari = new AriConnection(vertx, AriSettings.of(effective.ariUrl(), effective.ariUser(), effective.ariPassword(), effective.ariApp()));
        closers.add(ari::stop);
        telephony = new AriTelephony(ari);
        EspeakTtsEngine espeak = new EspeakTtsEngine(vertx, EspeakSettings.defaults(config.dataDir().resolve("tts"))
                .withBinary(config.ttsBinary()).withIdKey(speechIdKey)
                .withMaxAge(config.settings().duration(Setting.TTS_CACHE_MAX_AGE)));
        closers.add(espeak::close);
        TtsEngine tts = sandbox == null ? speech.apply(espeak) : sandbox.rememberSpeech(speech.apply(espeak));
        AccountOutbound accountOutbound = new AccountOutbound(store);
        HttpClientSettings outbound = HttpClientSettings.defaults().withOutbound(OutboundSettings.policy(config.settings()))
                .withAccountDenials(accountOutbound);
        HttpInstructionSource instructions = new HttpInstructionSource(vertx, outbound, FetchPolicy.TWILIO_DEFAULTS);
        closers.add(instructions::close);
        HttpWebhookSender httpWebhooks = new HttpWebhookSender(vertx, outbound, WebhookSettings.defaults());
        closers.add(httpWebhooks::close);
        PatchbayMetrics metrics = PatchbayMetrics.start(vertx, config.settings());
        closers.add(metrics::stop);
        TwimlParser parser = new TwimlParser();
        eventWiring = EventWiring.start(vertx, config, node, store, publicUrl, metrics.deliveries(), closers);
        events = eventWiring.router();
        Notifications notifications = new Notifications(store, events);
        InFlightWebhooks webhooks = new InFlightWebhooks(new RefusalNotices(metrics.webhooks(httpWebhooks), notifications));
        usage = PatchbayUsage.start(vertx, config, store, events, events, webhooks, Clock.systemUTC());
        closers.add(usage::close);
        EventRoutes routes = new EventRoutes();
        RecordingService recordings = new RecordingService(store, webhooks, publicUrl);
        ConferenceServices rooms = new ConferenceServices(contexts.next(), telephony, store, webhooks, recordings);
        ConferenceRooms conferences = new ConferenceRooms(rooms, routes);
        QueueRooms queues = new QueueRooms(rooms);
        presence = PresenceWiring.create(vertx, effective, store, node, events);
        closers.add(presence::close);
        MediaWiring media = MediaWiring.create(vertx, config, outbound, speechIdKey, closers);
        VertxStreamConnector streams = new VertxStreamConnector(vertx, outbound.outbound());
        closers.add(streams::close);
        CallServices services = new CallServices(vertx, telephony, store, instructions, webhooks,
                media.speech(tts, publicUrl, vertx, config), parser,
                VerbExecutors.standard(conferences, queues, presence.presence(), streams), notifications, recordings, node, events);
        PatchbayLimits limits = PatchbayLimits.create(vertx, config, metrics::limiter);
        closers.add(limits::close);
        calls = new CallRouter(services, contexts, new InboundRouting(store, mainAccount.sid(), presence.presence(), notifications),
                config.endpoints(), routes, limits.calls());
        NodeBus nodes = NodeWiring.bus(vertx, config, node);
        closers.add(nodes::close);
        liveCalls = new LiveCallService(calls, store, config.endpoints(), parser, nodes);
        nodeWiring = NodeWiring.start(vertx, config, node, store, calls, liveCalls, webhooks, events, closers);
        RoomForwarding roomChanges = new RoomForwarding(conferences, queues, store, nodes, node);
        SessionStreams liveStreams = new SessionStreams(calls, store, streams, nodes);
        nodes.serve(new ForwardedCommands(roomChanges, liveStreams, liveCalls));
        calls.start();
        StasisReconciler reconciler = new StasisReconciler(telephony, routes, calls, store);
        Runnable watchPbx = presence.watchPbx(calls, telephony, mainAccount.sid());
        ari.onConnected(v -> {
            reconciler.sweep();
            watchPbx.run();
        });
        new HealthRoute(telephony, store, calls, node, sandbox != null).report("limits", limits::health).mount(router);
        presence.mountSocket(router);
        new ApiRoutes(new ApiDependencies(store, liveCalls, new PbxRecordingMedia(telephony), config.recordingsPublic(), publicUrl,
                limits.api(store, services.events()), eventWiring.ports()),
                Stream.of(usage.endpoints(), presence.endpoints(), RoomRoutes.endpoints(store, liveCalls, roomChanges, roomChanges),
                                new OutboundPolicyRoutes(store, accountOutbound).endpoints(),
                                new StreamRoutes(liveStreams).endpoints())
                        .flatMap(List::stream).toList()).mount(router);
        media.mount(router, tts);
        eventWiring.mount(router, store);
        metrics.watch(ari);
        metrics.mount(router);
        closers.add(Dashboard.mount(vertx, router, events,
                new PanelPorts(store, limits.standing(store), usage.store(), presence.presence(), eventWiring.sinkStats()),
                Dashboard.nodeStatus(node, telephony, store, calls))::stop);
        if (sandbox != null) {
            sandbox.mount(router);
        }
        ari.start();
    }

    /** SIGTERM: no new calls, live ones run for the drain time, then end with their final callbacks; then {@link #stop}. */
    public Future<Void> drain() {
        return nodeWiring == null ? Future.succeededFuture() : nodeWiring.drain();
    }

    /** Stops everything that was started, newest first; safe to call after a failed start. */
    public Future<Void> stop() {
        return Closers.closeNewestFirst(closers);
    }

    public int httpPort() {
        return http.actualPort();
    }

    public String publicUrl() {
        return publicUrl;
    }

    public Account mainAccount() {
        return mainAccount;
    }

    public boolean accountGenerated() {
        return accountGenerated;
    }

    public Store store() {
        return store;
    }

    public CallRouter calls() {
        return calls;
    }

    /** Every event of the platform as the router carries it (this node's, or the cluster's with Redis). */
    public EventRouter events() {
        return events;
    }

    public PatchbayUsage usage() {
        return usage;
    }

    public LiveCallService liveCalls() {
        return liveCalls;
    }

    public org.patchbay.core.presence.Presence presence() {
        return presence.presence();
    }

    public AriTelephony telephony() {
        return telephony;
    }

    /** The in-process simulated Asterisk in sandbox mode, else null. */
    public Sandbox sandbox() {
        return sandbox;
    }

    public PatchbayConfig config() {
        return config;
    }
}
