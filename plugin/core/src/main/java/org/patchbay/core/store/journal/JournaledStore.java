package org.patchbay.core.store.journal;

import io.vertx.core.Future;
import org.patchbay.core.json.Json;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;
import org.patchbay.core.store.memory.MemoryStore;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The durable embedded store of a single node: the records live in memory, as in {@link MemoryStore},
 * and every change is appended to a journal in a directory and forced to disk before its future
 * completes; a snapshot, written aside and renamed into place, bounds the journal. On opening, the
 * snapshot and the journals after it are read back (a record cut short by a crash is ignored), a fresh
 * snapshot is written and a new journal started. Open it off the event loop: it reads the whole store.
 */
public final class JournaledStore implements Store {
    /** The journal is compacted once it outgrows both the snapshot and this. */
    public static final long DEFAULT_COMPACT_AFTER = 16L << 20;

    private final MemoryStore memory = new MemoryStore();
    private final Map<String, Map<String, Object>> unopened;
    private final ConcurrentHashMap<String, JournaledResourceStore<?>> stores = new ConcurrentHashMap<>();
    private JournalWriter journal;

    private JournaledStore(StoreImage image) {
        this.unopened = image.kinds;
    }

    /** Blocking: reads the store kept in {@code dir} (created when absent) and holds the directory until closed. */
    public static JournaledStore open(Path dir) throws IOException {
        return open(dir, DEFAULT_COMPACT_AFTER);
    }

    public static JournaledStore open(Path dir, long compactAfter) throws IOException {
        StoreFiles files = new StoreFiles(dir);
        FileLock lock = files.lock();
        try {
            StoreImage image = StoreImage.load(files);
            JournaledStore store = new JournaledStore(image);
            long generation = image.lastGeneration + 1;
            long snapshotBytes = files.writeSnapshot(out -> {
                StoreImage.writeHeader(out, generation);
                store.writeSnapshot(out);
            });
            files.deleteJournalsBefore(generation);
            store.journal = new JournalWriter(files, lock, generation, snapshotBytes, compactAfter, store::writeSnapshot);
            return store;
        } catch (IOException | RuntimeException failed) {
            lock.release();
            lock.channel().close();
            throw failed;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Resource> ResourceStore<T> of(ResourceKind<T> kind) {
        return (ResourceStore<T>) stores.computeIfAbsent(kind.name(), name -> {
            ResourceStore<T> records = memory.of(kind);
            synchronized (unopened) {
                Map<String, Object> loaded = unopened.remove(name);
                if (loaded != null) {
                    loaded.values().forEach(record -> records.put(kind.type().cast(
                            record instanceof String json ? Json.read(json, kind.type()) : record)));
                }
            }
            return new JournaledResourceStore<>(records, name, journal);
        });
    }

    /**
     * Every record, as the memory holds them, and those of kinds not asked for yet as they were read;
     * under the lock that moves a kind from one to the other, so that no record is seen in neither.
     */
    private void writeSnapshot(OutputStream out) {
        synchronized (unopened) {
            memory.forEachRecord((kind, record) -> StoreImage.writeLine(out, kind, record.sid(), record));
            unopened.forEach((kind, records) -> records.forEach((sid, record) -> StoreImage.writeLine(out, kind, sid, record)));
        }
    }

    /** The records in memory, for tests that look at what the store holds. */
    public MemoryStore memory() {
        return memory;
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public Future<Void> close() {
        return journal.close();
    }
}
