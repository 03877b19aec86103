package org.patchbay.core.store.journal;

import io.vertx.core.Future;
import org.patchbay.core.json.Json;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;
import org.patchbay.core.store.memory.MemoryStore;
import org.patchbay.core.store.retention.Retention;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The durable embedded store of a single node: the records live in memory, as in {@link MemoryStore},
 * and every change is appended to a journal in a directory and forced to disk before its future
 * completes; a snapshot, written aside and renamed into place, bounds the journals. Opening reads the
 * snapshot and the journals after it (a record cut short by a crash is ignored) into memory and
 * starts a new journal. Open it off the event loop: it reads and decodes the whole store.
 */
public final class JournaledStore implements Store {
    /** The journals are compacted once they outgrow both the snapshot and this. */
    public static final long DEFAULT_COMPACT_AFTER = 16L << 20;

    private final MemoryStore memory;
    /** Records of kinds not asked for yet, or that this version cannot read: written to every snapshot as they are. */
    private final Map<String, Map<String, Object>> unopened;
    private final ConcurrentHashMap<String, JournaledResourceStore<?>> stores = new ConcurrentHashMap<>();
    private JournalWriter journal;

    private JournaledStore(StoreImage image, Retention retention) {
        this.memory = new MemoryStore(MemoryStore.DEFAULT_RETENTION, retention);
        this.unopened = image.kinds;
        image.kinds.forEach(this::moveIntoMemory);
    }

    /** Blocking: reads the store kept in {@code dir} (created when absent) and holds the directory until closed. */
    public static JournaledStore open(Path dir) throws IOException {
        return open(dir, Retention.keepAll());
    }

    /**
     * As {@link #open(Path)}, with records expiring by {@code retention}: an expired record leaves memory at once
     * (and at each {@link #sweep()}), the files at the next snapshot, and is dropped again if a journal read back
     * still holds it.
     */
    public static JournaledStore open(Path dir, Retention retention) throws IOException {
        return open(dir, DEFAULT_COMPACT_AFTER, retention);
    }

    public static JournaledStore open(Path dir, long compactAfter) throws IOException {
        return open(dir, compactAfter, Retention.keepAll());
    }

    public static JournaledStore open(Path dir, long compactAfter, Retention retention) throws IOException {
        StoreFiles files = new StoreFiles(dir);
        FileLock lock = files.lock();
        try {
            StoreImage image = StoreImage.load(files);
            JournaledStore store = new JournaledStore(image, retention);
            store.journal = new JournalWriter(files, lock, image.lastGeneration + 1, image.journalBytes, image.snapshotBytes,
                    compactAfter, store::writeSnapshot);
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
                Map<String, Object> left = unopened.get(name);
                for (Iterator<Object> it = left == null ? null : left.values().iterator(); it != null && it.hasNext(); ) {
                    T readable = readable(it.next(), kind.type());
                    if (readable != null) {
                        records.put(readable);
                        it.remove();
                    }
                }
            }
            return new JournaledResourceStore<>(records, name, journal);
        });
    }

    /**
     * On opening, off the event loop: the records of each kind go into memory at once, the kind found
     * where every record type declares it ({@code public static final ResourceKind KIND}, which carries
     * its unique indexes). Kinds found no such way wait in {@link #unopened} for {@link #of}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void moveIntoMemory(String name, Map<String, Object> records) {
        ResourceKind kind = records.values().stream().filter(Resource.class::isInstance).findFirst()
                .map(record -> declaredKind(record.getClass())).orElse(null);
        if (kind == null || !kind.name().equals(name)) {
            return;
        }
        ResourceStore target = memory.of(kind);
        records.values().removeIf(record -> {
            if (kind.type().isInstance(record)) {
                target.put((Resource) record);
                return true;
            }
            return false;
        });
    }

    private static ResourceKind<?> declaredKind(Class<?> type) {
        try {
            Field field = type.getField("KIND");
            return field.get(null) instanceof ResourceKind<?> kind && kind.type() == type ? kind : null;
        } catch (ReflectiveOperationException noDeclaredKind) {
            return null;
        }
    }

    private static <T> T readable(Object record, Class<T> type) {
        if (type.isInstance(record)) {
            return type.cast(record);
        }
        try {
            return Json.MAPPER.treeToValue(((StoreImage.Unread) record).json(), type);
        } catch (IOException | IllegalArgumentException stillUnreadable) {
            return null;
        }
    }

    /**
     * Records kept as they were read first, then every record in memory (a later line wins on reading);
     * under the lock that moves records from one to the other, so that none is seen in neither.
     */
    private void writeSnapshot(OutputStream out) {
        synchronized (unopened) {
            unopened.forEach((kind, records) -> records.forEach((sid, record) -> StoreImage.writeLine(out, kind, sid, record)));
            memory.forEachRecord((kind, record) -> StoreImage.writeLine(out, kind, record.sid(), record));
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
    public Future<Integer> sweep() {
        return memory.sweep();
    }

    @Override
    public Future<Void> close() {
        return journal.close();
    }
}
