package org.patchbay.core.store.memory;

import io.vertx.core.Future;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;
import org.patchbay.core.store.retention.Retention;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/** The embedded default store: records live in this process and are gone when it stops. */
public final class MemoryStore implements Store {
    /** Enough history for a sandbox or a small single node without growing without bound. */
    public static final int DEFAULT_RETENTION = 100_000;

    private final ConcurrentHashMap<String, MemoryResourceStore<?>> stores = new ConcurrentHashMap<>();
    private final int retention;
    private final Retention expiry;

    public MemoryStore() {
        this(DEFAULT_RETENTION);
    }

    public MemoryStore(int retention) {
        this(retention, Retention.keepAll());
    }

    /** @param expiry how long records of each kind are kept (on its clock) */
    public MemoryStore(int retention, Retention expiry) {
        this.retention = retention;
        this.expiry = expiry;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Resource> ResourceStore<T> of(ResourceKind<T> kind) {
        return (ResourceStore<T>) stores.computeIfAbsent(kind.name(), name -> new MemoryResourceStore<>(kind, retention, expiry));
    }

    @Override
    public Future<Integer> sweep() {
        int dropped = 0;
        for (MemoryResourceStore<?> store : stores.values()) {
            dropped += store.dropExpired();
        }
        return Future.succeededFuture(dropped);
    }

    /**
     * Every record held, with the name of its kind, in no particular order; records written meanwhile
     * may or may not be seen. For snapshots of the store and for tests that look at what it holds.
     */
    public void forEachRecord(BiConsumer<String, Resource> action) {
        stores.forEach((kind, records) -> records.forEach(record -> action.accept(kind, record)));
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }
}
