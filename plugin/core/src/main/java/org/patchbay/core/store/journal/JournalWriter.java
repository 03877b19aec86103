package org.patchbay.core.store.journal;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.patchbay.core.json.Json;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.journal.JournalLine.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Appends changes to the journal on one thread of its own, never an event loop. Changes that arrive
 * while a write is under way are written together and forced to disk with one fsync (group commit);
 * each change's future completes, on its caller's context, once it is on disk. When the journal has
 * grown past the snapshot (and a floor), the store is compacted: a new journal is started, a snapshot
 * of the whole store is written beside it and renamed into place, and older journals are deleted.
 */
final class JournalWriter {
    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);

    private record Change(String kind, String sid, Resource record, Promise<Void> done, Context context) {
    }

    private final StoreFiles files;
    private final FileLock lock;
    private final long compactAfter;
    private final Consumer<OutputStream> snapshot;
    private final ExecutorService thread;
    private final List<Change> queue = new ArrayList<>();
    private boolean draining;
    private boolean closed;
    private FileChannel journal;
    private long generation;
    private long journalBytes;
    private long snapshotBytes;

    /** @param journalBytes what the journals not yet in the snapshot already hold (from before this start) */
    JournalWriter(StoreFiles files, FileLock lock, long generation, long journalBytes, long snapshotBytes, long compactAfter,
                  Consumer<OutputStream> snapshot) throws IOException {
        this.files = files;
        this.lock = lock;
        this.generation = generation;
        this.journalBytes = journalBytes;
        this.snapshotBytes = snapshotBytes;
        this.compactAfter = compactAfter;
        this.snapshot = snapshot;
        this.journal = files.openJournal(generation);
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread writer = new Thread(runnable, "patchbay-store-journal");
            writer.setDaemon(true);
            return writer;
        });
    }

    /** Queues a put ({@code record} set) or a delete ({@code record} null); call in the order the changes were made. */
    Future<Void> append(String kind, String sid, Resource record) {
        Promise<Void> done = Promise.promise();
        synchronized (queue) {
            if (closed) {
                return Future.failedFuture(new IllegalStateException("the store in " + files.dir() + " is closed"));
            }
            queue.add(new Change(kind, sid, record, done, Vertx.currentContext()));
            if (!draining) {
                draining = true;
                thread.execute(this::drain);
            }
        }
        return done.future();
    }

    Future<Void> close() {
        Promise<Void> closedOnDisk = Promise.promise();
        Context context = Vertx.currentContext();
        synchronized (queue) {
            if (closed) {
                return Future.succeededFuture();
            }
            closed = true;
        }
        thread.execute(() -> {
            drain();
            try {
                journal.close();
                lock.release();
                lock.channel().close();
                complete(closedOnDisk, context, null);
            } catch (IOException e) {
                complete(closedOnDisk, context, e);
            }
        });
        thread.shutdown();
        return closedOnDisk.future();
    }

    private void drain() {
        while (true) {
            List<Change> batch;
            synchronized (queue) {
                if (queue.isEmpty()) {
                    draining = false;
                    return;
                }
                batch = new ArrayList<>(queue);
                queue.clear();
            }
            IOException failure = write(batch);
            batch.forEach(change -> complete(change.done(), change.context(), failure));
            if (failure == null && journalBytes > Math.max(compactAfter, snapshotBytes)) {
                compact();
            }
        }
    }

    private IOException write(List<Change> batch) {
        try {
            for (Change change : batch) {
                byte[] line = JournalLine.encode(change.record() == null ? Entry.delete(change.kind(), change.sid())
                        : Entry.put(change.kind(), change.sid(), change.record().getClass().getName(), Json.write(change.record())));
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    journal.write(buffer);
                }
                journalBytes += line.length;
            }
            journal.force(false);
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.error("the store could not write to {}: {}", files.journal(generation), e.toString());
            return e instanceof IOException io ? io : new IOException(e);
        }
    }

    /** A new journal first, then the snapshot that covers everything before it: a crash in between replays both journals. */
    private void compact() {
        try {
            FileChannel next = files.openJournal(generation + 1);
            journal.close();
            journal = next;
            generation++;
            journalBytes = 0;
            long startedAt = System.nanoTime();
            snapshotBytes = files.writeSnapshot(out -> {
                StoreImage.writeHeader(out, generation);
                snapshot.accept(out);
            });
            files.deleteJournalsBefore(generation);
            LOG.debug("store compacted: {} bytes of snapshot in {} ms", snapshotBytes, (System.nanoTime() - startedAt) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.error("the store could not be compacted in {} (the journal goes on): {}", files.dir(), e.toString());
        }
    }

    private static void complete(Promise<Void> promise, Context context, Exception failure) {
        Runnable settle = () -> {
            if (failure == null) {
                promise.complete();
            } else {
                promise.fail(new IllegalStateException("the store could not write its journal: " + failure.getMessage(), failure));
            }
        };
        if (context == null) {
            settle.run();
        } else {
            context.runOnContext(v -> settle.run());
        }
    }
}
