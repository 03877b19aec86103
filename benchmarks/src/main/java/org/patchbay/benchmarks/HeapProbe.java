package org.patchbay.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Patchbay's live heap, through {@code jcmd} (the JDK's own tool, attaching to the process): a full GC then
 * {@code GC.heap_info}, and the class histogram of live objects to say what the bytes are.
 */
final class HeapProbe {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*");
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("Total\\s+(\\d+)\\s+(\\d+)\\s*");
    private static final long JCMD_TIMEOUT_SECONDS = 120;

    /** Live bytes of each class, and of all together. */
    record Histogram(Map<String, Long> bytesByClass, long totalBytes) {
    }

    private final String jcmd;
    private final long pid;

    HeapProbe(long pid) {
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        this.pid = pid;
    }

    boolean available() {
        return Path.of(jcmd).toFile().canExecute();
    }

    /**
     * Heap in use right after a full collection, in bytes: the sum of the heap's {@code used} figures above
     * Metaspace (one line for G1, one per generation for the other collectors).
     */
    long usedAfterFullGc() {
        run("GC.run");
        long usedKib = 0;
        for (String line : run("GC.heap_info").lines().toList()) {
            if (line.trim().startsWith("Metaspace")) {
                break;
            }
            Matcher used = USED.matcher(line);
            if (used.find()) {
                usedKib += Long.parseLong(used.group(1));
            }
        }
        return usedKib * 1024;
    }

    /** Live objects by class ({@code GC.class_histogram} collects fully first). */
    Histogram histogram() {
        Map<String, Long> bytes = new HashMap<>();
        long total = 0;
        for (String line : run("GC.class_histogram").lines().toList()) {
            Matcher row = HISTOGRAM_ROW.matcher(line);
            if (row.matches()) {
                bytes.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
                continue;
            }
            Matcher sum = HISTOGRAM_TOTAL.matcher(line);
            if (sum.matches()) {
                total = Long.parseLong(sum.group(2));
            }
        }
        return new Histogram(bytes, total);
    }

    private String run(String command) {
        try {
            Process process = new ProcessBuilder(List.of(jcmd, Long.toString(pid), command))
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("jcmd " + command + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run jcmd: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
