package org.patchbay.server.presence;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.patchbay.adapters.redis.RedisStore;
import org.patchbay.adapters.redis.presence.RedisDeviceSignals;
import org.patchbay.adapters.redis.presence.RedisPresenceStore;
import org.patchbay.core.call.CallRouter;
import org.patchbay.core.events.EventPublisher;
import org.patchbay.core.presence.DeviceSignals;
import org.patchbay.core.presence.PbxPresence;
import org.patchbay.core.presence.Presence;
import org.patchbay.core.presence.PresenceStore;
import org.patchbay.core.presence.memory.MemoryPresenceStore;
import org.patchbay.core.store.Store;
import org.patchbay.core.telephony.Telephony;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.presence.PresenceRoutes;
import org.patchbay.server.config.PatchbayConfig;
import org.patchbay.server.config.Setting;

import java.time.Duration;
import java.util.List;

/** Builds presence (Redis when configured, else in memory) and connects it to calls, the PBX and HTTP. */
public final class PresenceWiring {
    private final PatchbayConfig config;
    private final Store store;
    private final PresenceStore presenceStore;
    private final Presence presence;

    private PresenceWiring(PatchbayConfig config, Store store, PresenceStore presenceStore, Presence presence) {
        this.config = config;
        this.store = store;
        this.presenceStore = presenceStore;
        this.presence = presence;
    }

    public static PresenceWiring create(Vertx vertx, PatchbayConfig config, Store store, String node, EventPublisher events) {
        Duration expiry = config.settings().duration(Setting.PRESENCE_EXPIRY);
        boolean redis = config.redisUrl() != null;
        PresenceStore presenceStore = redis
                ? new RedisPresenceStore(vertx, config.redisUrl(), config.redisPrefix(), RedisStore.DEFAULT_TIMEOUT)
                : new MemoryPresenceStore();
        DeviceSignals signals = redis ? new RedisDeviceSignals(vertx, config.redisUrl(), config.redisPrefix(), node)
                : DeviceSignals.local();
        return new PresenceWiring(config, store, presenceStore, new Presence(presenceStore, signals, events, expiry, node));
    }

    public Presence presence() {
        return presence;
    }

    /** Endpoint and device states from the PBX update presence; subscribe again on every (re)connection. */
    public Runnable watchPbx(CallRouter calls, Telephony telephony, String mainAccountSid) {
        PbxPresence pbx = new PbxPresence(presence, config.endpoints(), mainAccountSid, telephony);
        calls.onPbxState(pbx::on);
        String technology = config.settings().get(Setting.PRESENCE_PBX_ENDPOINTS);
        return () -> {
            if (technology != null && !technology.isBlank() && !"none".equalsIgnoreCase(technology)) {
                pbx.watch(technology.trim());
            }
        };
    }

    /** The registration WebSocket; mount it before the REST API. */
    public void mountSocket(Router router) {
        new PresenceSocketRoute(presence, new AccessTokenVerifier(store), config.endpoints()).mount(router);
    }

    public List<Endpoint> endpoints() {
        return new PresenceRoutes(presence).endpoints();
    }

    public Future<Void> close() {
        Future<Void> signals = presence.signals().close();
        return presenceStore instanceof RedisPresenceStore redis ? signals.compose(v -> redis.close()) : signals;
    }
}
