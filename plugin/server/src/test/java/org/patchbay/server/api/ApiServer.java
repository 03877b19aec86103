package org.patchbay.server.api;

import org.patchbay.core.conference.LiveConferences;
import org.patchbay.core.events.EventPublisher;
import org.patchbay.core.queue.LiveQueues;
import org.patchbay.core.presence.DeviceSignals;
import org.patchbay.core.presence.Presence;
import org.patchbay.core.presence.memory.MemoryPresenceStore;
import org.patchbay.server.api.presence.PresenceRoutes;
import org.patchbay.server.api.streams.StreamRoutes;
import org.patchbay.core.livecall.LiveStreams;
import org.patchbay.server.api.outbound.OutboundPolicyRoutes;
import org.patchbay.server.http.AccountOutbound;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.patchbay.core.account.Account;
import org.patchbay.core.limits.LimitDefaults;
import org.patchbay.server.api.events.EventStreamsPorts;
import org.patchbay.server.limits.PatchbayLimits;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;
import org.patchbay.core.store.memory.MemoryStore;
import org.patchbay.core.usage.memory.MemoryUsageStore;
import org.patchbay.server.api.usage.UsageApi;
import org.patchbay.testkit.SettableClock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * The API on a real HTTP server on a free port, over an in-memory store holding a main account and
 * two subaccounts of it ({@code sub} and its sibling), with fake live calls, recording media and event router.
 */
final class ApiServer implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final MemoryStore store = new MemoryStore();
    final FakeLiveCalls liveCalls = new FakeLiveCalls(store);
    final FakeRecordingMedia media = new FakeRecordingMedia();
    final FakeEventRouter eventRouter = new FakeEventRouter();
    final Account main;
    final Account sub;
    final Account sibling;
    final ApiRoutes api;
    final MemoryUsageStore usage = new MemoryUsageStore(Duration.ofDays(7));
    final SettableClock clock = new SettableClock(Instant.now());
    /** Presence behind {@code /v1/Presence}: in memory, no PBX. */
    final Presence presence;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ApiServer(boolean publicMedia) {
        Instant now = Instant.now();
        String mainSid = Sids.next(Sids.ACCOUNT);
        main = put(new Account(mainSid, mainSid, Sids.secret(), "Main account", Account.Status.active, now, now));
        sub = put(new Account(Sids.next(Sids.ACCOUNT), mainSid, Sids.secret(), "Sub", Account.Status.active, now, now));
        sibling = put(new Account(Sids.next(Sids.ACCOUNT), mainSid, Sids.secret(), "Sibling", Account.Status.active, now, now));
        Router router = Router.router(vertx);
        server = await(vertx.createHttpServer(ApiRoutes.serverOptions()).requestHandler(router)
                .invalidRequestHandler(ApiRoutes::answerInvalidRequest).listen(0, "127.0.0.1"));
        // Another route of the server, mounted first: the API must leave it alone.
        router.get("/health").handler(ctx -> ctx.end("ok"));
        presence = new Presence(new MemoryPresenceStore(), DeviceSignals.local(), EventPublisher.none(),
                Duration.ofSeconds(30), "api-server");
        api = new ApiRoutes(new ApiDependencies(store, liveCalls, media, publicMedia, baseUrl(),
                PatchbayLimits.inMemory(vertx, LimitDefaults.standard()).api(store, EventPublisher.none()),
                new EventStreamsPorts(eventRouter, eventRouter)),
                Stream.of(new UsageApi(usage, account -> ZoneOffset.UTC, "usd", clock).endpoints(),
                        new PresenceRoutes(presence).endpoints(),
                        RoomRoutes.endpoints(store, liveCalls, LiveConferences.none(), LiveQueues.storeOnly(store)),
                        new OutboundPolicyRoutes(store, new AccountOutbound(store)).endpoints(),
                        new StreamRoutes(LiveStreams.none()).endpoints())
                        .flatMap(java.util.List::stream).toList());
        api.mount(router);
    }

    static ApiServer start() {
        return new ApiServer(false);
    }

    static ApiServer startWithPublicMedia() {
        return new ApiServer(true);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    int port() {
        return server.actualPort();
    }

    <T extends Resource> T put(ResourceKind<T> kind, T record) {
        await(store.of(kind).put(record));
        return record;
    }

    private Account put(Account account) {
        return put(Account.KIND, account);
    }

    <T extends Resource> T get(ResourceKind<T> kind, String sid) {
        return await(store.of(kind).get(sid));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String basic(Account account) {
        return basic(account.sid(), account.authToken());
    }

    /** A plain HTTP exchange; {@code authorization} and {@code form} may be null. */
    HttpResponse<String> send(String method, String path, String authorization, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        request.method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        await(vertx.close());
    }
}
