package org.patchbay.server.usage;

import io.vertx.core.Vertx;
import org.patchbay.adapters.http.HttpClientSettings;
import org.patchbay.adapters.http.HttpWebhookSender;
import org.patchbay.adapters.http.WebhookSettings;
import org.patchbay.adapters.redis.usage.RedisUsageStore;
import org.patchbay.core.events.PlatformEvent;
import org.patchbay.core.store.Store;
import org.patchbay.core.usage.AccountFamily;
import org.patchbay.core.usage.Counting;
import org.patchbay.core.usage.PriceTable;
import org.patchbay.core.usage.TriggerCallbacks;
import org.patchbay.core.usage.UsageCategories;
import org.patchbay.core.usage.UsageMeter;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One Patchbay node's usage metering, as {@link PatchbayUsage} wires it, on a shared Redis: its own Redis
 * client, its own webhook sender (retrying after 100 ms, then 300 ms) and the events it published.
 */
final class UsageNode implements AutoCloseable {
    final RedisUsageStore store;
    final UsageMeter meter;
    final List<PlatformEvent> published = new CopyOnWriteArrayList<>();
    private final HttpWebhookSender webhooks;

    UsageNode(Vertx vertx, String redisUrl, String prefix, Store records, Clock clock, ZoneId zone) {
        store = new RedisUsageStore(vertx, redisUrl, prefix, Duration.ofDays(7));
        webhooks = new HttpWebhookSender(vertx, HttpClientSettings.defaults(),
                WebhookSettings.defaults().withRetryDelays(Duration.ofMillis(100), Duration.ofMillis(300)));
        AccountFamily accounts = new AccountFamily(records);
        meter = new UsageMeter(store, new Counting(UsageCategories.RULES, PriceTable.FREE), accounts, account -> zone,
                new TriggerCallbacks(store, accounts, webhooks, published::add), clock);
    }

    @Override
    public void close() {
        webhooks.close();
        store.close();
    }
}
