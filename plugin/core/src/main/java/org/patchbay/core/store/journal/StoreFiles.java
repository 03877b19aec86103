package org.patchbay.core.store.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The files of a journaled store in its directory: {@code snapshot} (the whole store as it was,
 * written to {@code snapshot.part} and renamed into place, so it is either the old or the new one),
 * {@code journal-<n>} (changes since, appended and forced to disk), and {@code lock} (one process at a time).
 * All of it is blocking I/O, done on the store's own writer thread or before the store opens.
 */
final class StoreFiles {
    static final String SNAPSHOT = "snapshot";
    private static final String PART = "snapshot.part";
    private static final String JOURNAL = "journal-";

    /** What reading one file gave: its complete lines, and the bytes after the last one (a write cut short). */
    record Read(int lines, long tornBytes) {
    }

    /** Receives the lines of a file; answers false to stop reading at a damaged line. */
    interface LineReader {
        boolean line(byte[] bytes, int length);
    }

    private final Path dir;

    StoreFiles(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path snapshot() {
        return dir.resolve(SNAPSHOT);
    }

    Path journal(long generation) {
        return dir.resolve(JOURNAL + generation);
    }

    /** Holds the directory for this process; fails when another process (another Patchbay) holds it. */
    FileLock lock() throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldInThisProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another process uses the store in " + dir + " (a second Patchbay on one data directory"
                    + " needs Redis instead)");
        }
        return lock;
    }

    /** The journal generations present, oldest first. */
    List<Long> journals() throws IOException {
        List<Long> generations = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(JOURNAL) && name.substring(JOURNAL.length()).matches("[0-9]{1,18}")) {
                    generations.add(Long.parseLong(name.substring(JOURNAL.length())));
                }
            }
        }
        generations.sort(null);
        return generations;
    }

    FileChannel openJournal(long generation) throws IOException {
        FileChannel channel = FileChannel.open(journal(generation), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        syncDir();
        return channel;
    }

    void deleteJournalsBefore(long generation) throws IOException {
        for (long old : journals()) {
            if (old < generation) {
                Files.deleteIfExists(journal(old));
            }
        }
    }

    /** Writes a snapshot whole, forced to disk, then renames it over the previous one. @return its size in bytes */
    long writeSnapshot(Consumer<OutputStream> content) throws IOException {
        Path part = dir.resolve(PART);
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16)) {
            content.accept(out);
            out.flush();
            channel.force(true);
        }
        Files.move(part, snapshot(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDir();
        return Files.size(snapshot());
    }

    /** Reads the file line by line until its end or until {@code reader} refuses a line; what is not read counts as torn. */
    static Read read(Path file, LineReader reader) throws IOException {
        int lines = 0;
        long accepted = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        byte[] chunk = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(chunk)) > 0) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (chunk[i] != '\n') {
                        continue;
                    }
                    line.write(chunk, start, i - start);
                    start = i + 1;
                    if (!reader.line(line.toByteArray(), line.size())) {
                        return new Read(lines, Files.size(file) - accepted);
                    }
                    lines++;
                    accepted += line.size() + 1;
                    line.reset();
                }
                line.write(chunk, start, read - start);
            }
        }
        return new Read(lines, line.size());
    }

    /** Makes a rename or a new file in the directory durable (Linux needs the directory itself forced). */
    private void syncDir() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // Windows cannot open a directory; its renames are durable without it.
        }
    }
}
