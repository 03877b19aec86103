package org.patchbay.server.usage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.adapters.redis.usage.RedisUsageStore;
import org.patchbay.core.call.Cancellable;
import org.patchbay.core.events.EventFeed;
import org.patchbay.core.events.EventPublisher;
import org.patchbay.core.store.Store;
import org.patchbay.core.usage.AccountFamily;
import org.patchbay.core.usage.Counting;
import org.patchbay.core.usage.TriggerCallbacks;
import org.patchbay.core.usage.UsageCategories;
import org.patchbay.core.usage.UsageMeter;
import org.patchbay.core.usage.UsageStore;
import org.patchbay.core.usage.memory.MemoryUsageStore;
import org.patchbay.core.webhook.WebhookSender;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.usage.UsageApi;
import org.patchbay.server.config.PatchbayConfig;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * Usage of a running Patchbay: its counters (in this process without Redis, else shared in Redis), the
 * meter counting what the event feed carries (consumer group {@code usage}, so each event is counted
 * by one node), and the Usage routes.
 */
public final class PatchbayUsage {
    private final UsageStore store;
    private final UsageApi api;
    private final Cancellable consuming;

    private PatchbayUsage(UsageStore store, UsageApi api, Cancellable consuming) {
        this.store = store;
        this.api = api;
        this.consuming = consuming;
    }

    /**
     * @param publisher where {@code io.patchbay.usage.trigger.fired} goes (the event router)
     */
    public static PatchbayUsage start(Vertx vertx, PatchbayConfig config, Store records, EventFeed feed, EventPublisher publisher,
                                      WebhookSender webhooks, Clock clock) {
        UsageSettings settings = UsageSettings.from(config.settings());
        UsageStore store = config.redisUrl() == null ? new MemoryUsageStore(settings.dedupWindow())
                : new RedisUsageStore(vertx, config.redisUrl(), config.redisPrefix(), settings.dedupWindow());
        Function<String, ZoneId> zones = settings::zoneOf;
        AccountFamily accounts = new AccountFamily(records);
        UsageMeter meter = new UsageMeter(store, new Counting(UsageCategories.RULES, settings.prices()), accounts, zones,
                new TriggerCallbacks(store, accounts, webhooks, publisher), clock);
        Cancellable consuming = settings.metering() ? meter.consume(feed) : () -> { };
        return new PatchbayUsage(store, new UsageApi(store, zones, settings.prices().priceUnit(), clock), consuming);
    }

    public List<Endpoint> endpoints() {
        return api.endpoints();
    }

    public UsageStore store() {
        return store;
    }

    public Future<Void> close() {
        consuming.cancel();
        return store.close();
    }
}
