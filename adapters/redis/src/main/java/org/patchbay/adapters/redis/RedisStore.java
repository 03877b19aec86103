package org.patchbay.adapters.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.patchbay.core.store.retention.Retention;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The production store: records in Redis, shared by every Patchbay node that uses the same
 * connection string and key prefix. Each record is JSON at {@code {prefix}{kind}:{sid}}; the
 * module README describes the full key layout and what each operation costs.
 */
public final class RedisStore implements Store {
    public static final String DEFAULT_PREFIX = "pb:";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** Commands are short, so a few connections serve many callers; bursts queue for a connection. */
    /** Commands awaiting their replies on one pipelined connection (see {@link org.patchbay.adapters.redis.RedisCommands}). */
    private static final int WAITING = 4096;

    private final RedisCommands redis;
    private final String prefix;
    private final String endpoint;
    private final ConcurrentHashMap<String, RedisResourceStore<?>> stores = new ConcurrentHashMap<>();
    private final Retention retention;

    public RedisStore(Vertx vertx, String connectionString) {
        this(vertx, connectionString, DEFAULT_PREFIX);
    }

    public RedisStore(Vertx vertx, String connectionString, String prefix) {
        this(vertx, connectionString, prefix, DEFAULT_TIMEOUT);
    }

    /**
     * @param prefix  put before every key, so several deployments (or tests) can share one Redis
     * @param timeout how long one Redis command, or one connection attempt, may take before the
     *                operation fails
     */
    public RedisStore(Vertx vertx, String connectionString, String prefix, Duration timeout) {
        this(vertx, connectionString, prefix, timeout, Retention.keepAll());
    }

    /** @param retention how long records of each kind are kept: their keys expire, and {@link #sweep} trims the indexes */
    public RedisStore(Vertx vertx, String connectionString, String prefix, Duration timeout, Retention retention) {
        this.retention = retention;
        RedisOptions options = new RedisOptions()
                .setConnectionString(connectionString)
                .setMaxWaitingHandlers(WAITING);
        options.getNetClientOptions().setConnectTimeout((int) timeout.toMillis());
        this.redis = new RedisCommands(Redis.createClient(vertx, options), timeout);
        this.prefix = prefix;
        this.endpoint = withoutCredentials(connectionString);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Resource> ResourceStore<T> of(ResourceKind<T> kind) {
        return (ResourceStore<T>) stores.computeIfAbsent(kind.name(),
                name -> new RedisResourceStore<>(kind, KeyLayout.of(prefix, name), redis, endpoint, retention));
    }

    /**
     * Writes many records of a kind in one script run, each exactly as {@code put} would (imports, benchmarks).
     * Unlike {@code put} it does not order itself after other writes of the same records on this node.
     */
    public <T extends Resource> Future<Void> putAll(ResourceKind<T> kind, List<T> records) {
        return ((RedisResourceStore<T>) of(kind)).putAll(records);
    }

    /** One pass over every kind that expires (see {@link RetentionSweep}), on the retention's clock. */
    @Override
    public Future<Integer> sweep() {
        Future<Integer> chain = Future.succeededFuture(0);
        for (String kind : retention.byKind().keySet()) {
            Instant cutoff = retention.cutoff(kind);
            if (cutoff != null) {
                chain = chain.compose(total -> new RetentionSweep(redis, KeyLayout.of(prefix, kind), cutoff).run().map(n -> total + n))
                        .recover(e -> Future.failedFuture(new RedisStoreException("Redis store at " + endpoint + ": sweep " + kind
                                + " failed: " + e.getMessage(), e)));
            }
        }
        return chain;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public Future<Void> close() {
        return redis.close();
    }

    /** Error messages name the server, never its password. */
    private static String withoutCredentials(String connectionString) {
        return connectionString.replaceFirst("//[^@/]*@", "//");
    }
}
