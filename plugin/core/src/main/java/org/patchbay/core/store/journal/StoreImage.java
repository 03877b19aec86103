package org.patchbay.core.store.journal;

import org.patchbay.core.json.Json;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.journal.JournalLine.Entry;
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
 * so that no event loop ever parses a whole store; a record whose type is unknown is kept as JSON.
 */
final class StoreImage {
    private static final Logger LOG = LoggerFactory.getLogger(StoreImage.class);
    static final String HEADER = "patchbay-store 1 next=";

    /** kind → SID → the record (a {@link Resource}, or its JSON when its type could not be read). */
    final Map<String, Map<String, Object>> kinds = new HashMap<>();
    /** The newest journal generation present (or the snapshot's next one, when there is none). */
    long lastGeneration;

    static StoreImage load(StoreFiles files) throws IOException {
        StoreImage image = new StoreImage();
        long next = 0;
        if (Files.exists(files.snapshot())) {
            next = image.readSnapshot(files);
        }
        image.lastGeneration = next;
        for (long generation : files.journals()) {
            if (generation < next) {
                continue;
            }
            image.lastGeneration = generation;
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
    private boolean apply(Entry entry) {
        if (entry == null) {
            return false;
        }
        Map<String, Object> records = kinds.computeIfAbsent(entry.kind(), kind -> new LinkedHashMap<>());
        if (JournalLine.DELETE.equals(entry.op())) {
            records.remove(entry.sid());
        } else {
            records.put(entry.sid(), decoded(entry));
        }
        return true;
    }

    private static Object decoded(Entry entry) {
        try {
            Class<?> type = Class.forName(entry.type(), false, StoreImage.class.getClassLoader());
            if (Resource.class.isAssignableFrom(type)) {
                return Json.MAPPER.readValue(entry.recordJson(), type);
            }
        } catch (ClassNotFoundException | IOException unreadable) {
            LOG.debug("keeping {} {} as JSON: {}", entry.kind(), entry.sid(), unreadable.getMessage());
        }
        return entry.recordJson();
    }

    /** The first line of a snapshot: the journal generation that follows it. */
    static void writeHeader(OutputStream out, long next) {
        try {
            out.write((HEADER + next + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a snapshot line for a record of a kind (object or JSON as kept). */
    static void writeLine(OutputStream out, String kind, String sid, Object record) {
        try {
            String json = record instanceof String raw ? raw : Json.write(record);
            String type = record instanceof String ? "unknown" : record.getClass().getName();
            out.write(JournalLine.encode(Entry.put(kind, sid, type, json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
