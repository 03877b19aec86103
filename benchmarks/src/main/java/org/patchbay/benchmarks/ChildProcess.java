package org.patchbay.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One process the benchmark started (sim, app server or Patchbay), its output going to a log file. */
final class ChildProcess {
    private static final long STOP_GRACE_SECONDS = 10;

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Patchbay's settings come only from the benchmark: a PATCHBAY_* variable of the caller's shell (a Redis
        // URL, say) would silently change what is measured.
        builder.environment().keySet().removeIf(key -> key.startsWith("PATCHBAY_"));
        builder.environment().putAll(environment);
        return new ChildProcess(name, builder.start(), log);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Fails, naming the log to read, when the process has died. */
    void ensureAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with status " + process.exitValue() + "; see " + log);
        }
    }

    double cpuMillis() {
        ensureAlive();
        return ProcCpu.cpuMillis(pid());
    }

    /**
     * SIGTERM (the JVMs shut down cleanly), then SIGKILL after a grace period; processes it started
     * itself (espeak-ng runs) go too, so nothing is left behind.
     */
    void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
