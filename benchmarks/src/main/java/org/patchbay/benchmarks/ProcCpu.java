package org.patchbay.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * CPU time a process has used so far, from {@code /proc/<pid>/stat} (utime + stime, its own threads only:
 * children such as espeak-ng are not included). Read on the driver's main thread, never on an event loop.
 */
final class ProcCpu {
    private static final long TICKS_PER_SECOND = clockTicks();

    private ProcCpu() {
    }

    static double cpuMillis(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException gone) {
            throw new IllegalStateException("cannot read CPU time of process " + pid + ": " + gone.getMessage(), gone);
        }
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) * 1000.0 / TICKS_PER_SECOND;
    }

    /**
     * CPU time the whole machine has been busy (all cores; user, nice, system, irq, softirq, steal from the
     * first line of {@code /proc/stat}), so what other programs used during a step can be told apart.
     */
    static double machineBusyMillis() {
        String first;
        try {
            first = Files.readAllLines(Path.of("/proc/stat")).get(0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat: " + e.getMessage(), e);
        }
        String[] fields = first.trim().split("\\s+");
        long busy = 0;
        for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(fields[field]);
        }
        return busy * 1000.0 / TICKS_PER_SECOND;
    }

    /** USER_HZ, the unit of those fields: 100 on every common Linux, asked of getconf to be sure. */
    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
