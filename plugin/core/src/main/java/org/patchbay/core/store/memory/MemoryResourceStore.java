package org.patchbay.core.store.memory;

import io.vertx.core.Future;
import org.patchbay.core.store.Page;
import org.patchbay.core.store.PageCollector;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.retention.Retention;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Records of one kind in memory. Calls come from several event loops: reads go straight to the
 * concurrent maps, while writes, which touch the record, its position and its indexes together,
 * take the store's lock so that two writers of one record cannot leave a stale index behind.
 */
final class MemoryResourceStore<T extends Resource> implements ResourceStore<T> {
    private record Position(long createdMillis, String sid) {
    }

    private static final Comparator<Position> NEWEST_FIRST = Comparator
            .comparingLong(Position::createdMillis).reversed()
            .thenComparing(Position::sid, Comparator.reverseOrder());

    private final ResourceKind<T> kind;
    private final int retention;
    private final Retention expiry;
    private final ConcurrentHashMap<String, T> bySid = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Position, T> ordered = new ConcurrentSkipListMap<>(NEWEST_FIRST);
    private final ConcurrentHashMap<String, String> indexes = new ConcurrentHashMap<>();

    MemoryResourceStore(ResourceKind<T> kind, int retention, Retention expiry) {
        this.kind = kind;
        this.retention = retention;
        this.expiry = expiry;
    }

    @Override
    public synchronized Future<Void> put(T record) {
        T previous = bySid.put(record.sid(), record);
        if (previous != null) {
            ordered.remove(position(previous));
            unindex(previous);
        }
        ordered.put(position(record), record);
        index(record);
        evictBeyondRetention();
        dropExpired();
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Boolean> putIfUnique(T record) {
        for (var index : kind.uniqueIndexes().entrySet()) {
            String value = index.getValue().apply(record);
            String owner = value == null ? null : indexes.get(indexKey(index.getKey(), value));
            if (owner != null && !owner.equals(record.sid())) {
                return Future.succeededFuture(false);
            }
        }
        put(record);
        return Future.succeededFuture(true);
    }

    @Override
    public Future<T> get(String sid) {
        return Future.succeededFuture(sid == null ? null : live(bySid.get(sid)));
    }

    @Override
    public Future<T> findBy(String index, String value) {
        String sid = value == null ? null : indexes.get(indexKey(index, value));
        return Future.succeededFuture(sid == null ? null : live(bySid.get(sid)));
    }

    @Override
    public synchronized Future<Boolean> delete(String sid) {
        T removed = sid == null ? null : bySid.remove(sid);
        if (removed != null) {
            ordered.remove(position(removed));
            unindex(removed);
        }
        return Future.succeededFuture(removed != null);
    }

    @Override
    public Future<Page<T>> list(String accountSid, Predicate<? super T> filter, int offset, int limit) {
        PageCollector<T> page = new PageCollector<>(offset, limit);
        for (T record : ordered.values()) {
            if (record.accountSid().equals(accountSid) && !expiry.expired(kind.name(), record) && filter.test(record)
                    && !page.offer(record)) {
                break;
            }
        }
        return Future.succeededFuture(page.page());
    }

    /** Every record held, in no particular order: for writing a snapshot of the store. */
    void forEach(Consumer<? super T> action) {
        bySid.values().forEach(action);
    }

    /** The records past their retention are the oldest: dropped from the old end, with their indexes. */
    synchronized int dropExpired() {
        int dropped = 0;
        for (Map.Entry<Position, T> oldest = ordered.lastEntry(); oldest != null && expiry.expired(kind.name(), oldest.getValue());
             oldest = ordered.lastEntry()) {
            ordered.remove(oldest.getKey());
            bySid.remove(oldest.getValue().sid());
            unindex(oldest.getValue());
            dropped++;
        }
        return dropped;
    }

    /** Between sweeps an expired record is already as good as gone. */
    private T live(T record) {
        return record == null || expiry.expired(kind.name(), record) ? null : record;
    }

    private void evictBeyondRetention() {
        while (bySid.size() > retention) {
            Map.Entry<Position, T> oldest = ordered.pollLastEntry();
            if (oldest == null) {
                return;
            }
            bySid.remove(oldest.getValue().sid());
            unindex(oldest.getValue());
        }
    }

    private void index(T record) {
        kind.uniqueIndexes().forEach((name, key) -> {
            String value = key.apply(record);
            if (value != null) {
                indexes.put(indexKey(name, value), record.sid());
            }
        });
    }

    private void unindex(T record) {
        kind.uniqueIndexes().forEach((name, key) -> {
            String value = key.apply(record);
            if (value != null) {
                indexes.remove(indexKey(name, value), record.sid());
            }
        });
    }

    private static String indexKey(String index, String value) {
        return index + '\u0000' + value;
    }

    private static Position position(Resource record) {
        return new Position(record.dateCreated().toEpochMilli(), record.sid());
    }
}
