package org.patchbay.core.store.journal;

import io.vertx.core.Future;
import org.patchbay.core.store.Page;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceStore;

import java.util.function.Predicate;

/**
 * Records of one kind: kept in memory, every change also appended to the journal. A change and its
 * journal entry are made under one lock, so the journal holds each record's changes in the order the
 * memory saw them; the future completes once the change is on disk. Reads never touch the disk.
 */
final class JournaledResourceStore<T extends Resource> implements ResourceStore<T> {
    private final ResourceStore<T> memory;
    private final String kind;
    private final JournalWriter journal;

    JournaledResourceStore(ResourceStore<T> memory, String kind, JournalWriter journal) {
        this.memory = memory;
        this.kind = kind;
        this.journal = journal;
    }

    @Override
    public synchronized Future<Void> put(T record) {
        memory.put(record);
        return journal.append(kind, record.sid(), record);
    }

    @Override
    public synchronized Future<Boolean> putIfUnique(T record) {
        Future<Boolean> written = memory.putIfUnique(record);
        if (!written.isComplete()) {
            throw new IllegalStateException("the memory store answers at once");
        }
        if (written.failed() || !written.result()) {
            return written;
        }
        return journal.append(kind, record.sid(), record).map(true);
    }

    @Override
    public Future<T> get(String sid) {
        return memory.get(sid);
    }

    @Override
    public Future<T> findBy(String index, String value) {
        return memory.findBy(index, value);
    }

    @Override
    public synchronized Future<Boolean> delete(String sid) {
        Future<Boolean> removed = memory.delete(sid);
        if (!removed.isComplete()) {
            throw new IllegalStateException("the memory store answers at once");
        }
        if (removed.failed() || !removed.result()) {
            return removed;
        }
        return journal.append(kind, sid, null).map(true);
    }

    @Override
    public Future<Page<T>> list(String accountSid, Predicate<? super T> filter, int offset, int limit) {
        return memory.list(accountSid, filter, offset, limit);
    }
}
