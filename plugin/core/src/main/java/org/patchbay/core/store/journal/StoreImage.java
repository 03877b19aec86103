package org.patchbay.core.store.journal;

import com.fasterxml.jackson.databind.JsonNode;
import org.patchbay.core.json.Json;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.journal.JournalLine.Entry;
import org.patchbay.core.store.journal.JournalLine.Read;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The store as its files describe it: the snapshot, then each journal after it, applied in order
 * (the last change of a record wins). Records are decoded here, on the thread that opens the store,
 * so that no event loop ever parses a whole store; a record whose type cannot be read is kept as it was.
 */
final class StoreImage {
    private static final Logger LOG = LoggerFactory.getLogger(StoreImage.class);
    static final String HEADER = "patchbay-store 1 next=";

    /** A record this version cannot decode (its type is gone or changed): kept, and written again, as read. */
    record Unread(String type, JsonNode json) {
    }

    /** kind → SID → the record (a {@link Resource}, or {@link Unread}). */
    final Map<String, Map<String, Object>> kinds = new HashMap<>();
    /** The newest journal generation present (or the snapshot's next one, when there is none). */
    long lastGeneration;
    /** The bytes of the journals read, which the next compaction will fold into the snapshot. */
    long journalBytes;
    long snapshotBytes;

    static StoreImage load(StoreFiles files) throws IOException {
        StoreImage image = new StoreImage();
        long next = 0;
        if (Files.exists(files.snapshot())) {
            next = image.readSnapshot(files);
            image.snapshotBytes = Files.size(files.snapshot());
        }
        image.lastGeneration = next;
        for (long generation : files.journals()) {
            if (generation < next) {
                continue;
            }
            image.lastGeneration = generation;
            image.journalBytes += Files.size(files.journal(generation));
            StoreFiles.Read read = StoreFiles.read(files.journal(generation), (bytes, length) -> image.apply(JournalLine.decode(bytes, length)));
            if (read.tornBytes() > 0) {
                LOG.warn("{}: ignored {} bytes after its {} complete records (a write cut short by a crash)",
                        files.journal(generation), read.tornBytes(), read.lines());
            }
        }
        return image;
    }

    private long readSnapshot(StoreFiles files) throws IOException {
        long[] next = {-1};
        StoreFiles.Read read = StoreFiles.read(files.snapshot(), (bytes, length) -> {
            if (next[0] < 0) {
                String header = new String(bytes, 0, length, StandardCharsets.US_ASCII);
                if (!header.startsWith(HEADER)) {
                    return false;
                }
                next[0] = Long.parseLong(header.substring(HEADER.length()));
                return true;
            }
            return apply(JournalLine.decode(bytes, length));
        });
        if (read.tornBytes() > 0 || next[0] < 0) {
            throw new IOException(files.snapshot() + " is damaged after " + read.lines() + " lines: restore it from a backup,"
                    + " or move the directory away to start with an empty store");
        }
        return next[0];
    }

    /** @return false for a damaged line, which ends the reading of its file */
    private boolean apply(Read change) {
        if (change == null) {
            return false;
        }
        Map<String, Object> records = kinds.computeIfAbsent(change.kind(), kind -> new LinkedHashMap<>());
        if (JournalLine.DELETE.equals(change.op())) {
            records.remove(change.sid());
        } else {
            records.put(change.sid(), decoded(change));
        }
        return true;
    }

    private static Object decoded(Read change) {
        try {
            Class<?> type = Class.forName(change.type(), false, StoreImage.class.getClassLoader());
            if (Resource.class.isAssignableFrom(type)) {
                return Json.MAPPER.treeToValue(change.record(), type);
            }
        } catch (ClassNotFoundException | IOException | IllegalArgumentException unreadable) {
            LOG.warn("{} {}: kept as it was stored, this version cannot read it ({})", change.kind(), change.sid(),
                    unreadable.getMessage());
        }
        return new Unread(change.type(), change.record());
    }

    /** The first line of a snapshot: the journal generation that follows it. */
    static void writeHeader(OutputStream out, long next) {
        try {
            out.write((HEADER + next + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a snapshot line for a record of a kind (decoded, or kept as it was read). */
    static void writeLine(OutputStream out, String kind, String sid, Object record) {
        try {
            Entry entry = record instanceof Unread unread ? Entry.put(kind, sid, unread.type(), unread.json().toString())
                    : Entry.put(kind, sid, record.getClass().getName(), Json.write(record));
            out.write(JournalLine.encode(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
