package org.patchbay.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints the benchmark's figures as plain text tables, and how they compare with the goals. */
final class Report {
    static final double GOAL_RATE = 300;
    static final double GOAL_P99_MILLIS = 25;
    static final double GOAL_KIB_PER_SESSION = 50;
    static final double BUDGET_CPU_MILLIS_PER_CALL = 2;
    private static final String PATCHBAY = "patchbay";

    private final List<String> processes;

    Report(List<String> processes) {
        this.processes = processes;
    }

    static void header(BenchOptions options, Path runDir) {
        System.out.println("# Patchbay call-routing benchmark, " + OffsetDateTime.now().withNano(0));
        System.out.println("machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores; Java " + System.getProperty("java.version"));
        System.out.println("rates " + options.rates() + " calls/s, " + options.seconds() + " s each, x"
                + options.repeat() + "; warm-up " + options.warmupRate() + "/s for " + options.warmupSeconds()
                + " s; concurrency " + options.concurrency() + "; sim time scale " + options.timeScale()
                + "; status callback " + (options.statusCallback() ? "on" : "off") + "; Patchbay JVM options "
                + (options.patchbayJavaOpts().isEmpty() ? "(none)" : String.join(" ", options.patchbayJavaOpts())));
        if (!options.patchbayEnv().isEmpty()) {
            System.out.println("Patchbay settings: " + options.patchbayEnv());
        }
        System.out.println("app: <Say>" + options.say() + "</Say><Hangup/>; logs in " + runDir);
    }

    void columns() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%-14s %8s %6s %6s %7s %7s %7s %7s %7s",
                "step", "placed/s", "calls", "failed", "p50 ms", "p99 ms", "max ms", "drain s", "lag ms"));
        for (String process : processes) {
            line.append(String.format(Locale.ROOT, " %16s", shortName(process) + " CPU ms/call"));
        }
        for (String process : processes) {
            line.append(String.format(Locale.ROOT, " %11s", shortName(process) + " CPU%"));
        }
        line.append(String.format(Locale.ROOT, " %11s", "others CPU%"));
        System.out.println(line);
    }

    void step(StepResult step) {
        row(Row.of(step, processes));
        if (!step.reasons().isEmpty()) {
            System.out.println("    failures: " + step.reasons());
        }
    }

    private void row(Row row) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%-14s %8.1f %6.0f %6.0f %7.2f %7.2f %7.2f %7.2f %7.1f",
                row.label(), row.placedRate(), row.calls(), row.failed(), row.p50Millis(), row.p99Millis(),
                row.maxMillis(), row.drainSeconds(), row.maxLagMillis()));
        for (String process : processes) {
            line.append(String.format(Locale.ROOT, " %16.3f", row.cpuMillisPerCall().get(process)));
        }
        for (String process : processes) {
            line.append(String.format(Locale.ROOT, " %11.0f", row.cpuPercentOfOneCore().get(process)));
        }
        line.append(String.format(Locale.ROOT, " %11.0f", row.otherPercentOfOneCore()));
        System.out.println(line);
    }

    /** Medians per rate, the goals, the heap, and — when several rates were run — where the system broke. */
    void summary(List<StepResult> steps, HeapResult heap, double callSeconds) {
        Map<Integer, List<StepResult>> byRate = new LinkedHashMap<>();
        steps.forEach(step -> byRate.computeIfAbsent(step.targetRate(), rate -> new ArrayList<>()).add(step));
        List<Row> medians = new ArrayList<>();
        byRate.forEach((rate, runs) -> medians.add(Row.median(rate, runs, processes)));
        System.out.println();
        System.out.println("## Medians per rate (CPU% is of one core; the machine has "
                + Runtime.getRuntime().availableProcessors() + "; others = programs outside the benchmark)");
        columns();
        medians.forEach(this::row);
        System.out.println();
        System.out.println("## Against the goals (medians)");
        for (Row median : medians) {
            goals(median, byRate.get(median.targetRate()).size(), callSeconds);
        }
        if (heap != null) {
            heap(heap);
        }
        if (medians.size() > 1) {
            limit(medians, callSeconds);
        }
    }

    private void goals(Row median, int runs, double callSeconds) {
        System.out.printf(Locale.ROOT, "at %d calls/s (%d run%s):%n", median.targetRate(), runs, runs == 1 ? "" : "s");
        double sustained = median.sustained(callSeconds) ? median.targetRate() : 0;
        line("calls/s sustained", sustained, "calls/s", ">= " + (int) GOAL_RATE, sustained / GOAL_RATE,
                sustained >= GOAL_RATE);
        line("failed calls", median.failed(), "", "0", Double.NaN, median.failed() == 0);
        line("p50 StasisStart -> first play", median.p50Millis(), "ms", "", Double.NaN, null);
        line("p99 StasisStart -> first play", median.p99Millis(), "ms", "< " + (int) GOAL_P99_MILLIS,
                median.p99Millis() / GOAL_P99_MILLIS, median.p99Millis() < GOAL_P99_MILLIS);
        double cpu = median.cpuMillisPerCall().get(PATCHBAY);
        line("Patchbay CPU per call", cpu, "ms", "~" + (int) BUDGET_CPU_MILLIS_PER_CALL + " (budget)",
                cpu / BUDGET_CPU_MILLIS_PER_CALL, null);
    }

    private static void heap(HeapResult heap) {
        System.out.printf(Locale.ROOT, "with %d calls live at once:%n", heap.calls());
        line("heap per live session", heap.kibPerLiveSession(), "KiB", "< " + (int) GOAL_KIB_PER_SESSION,
                heap.kibPerLiveSession() / GOAL_KIB_PER_SESSION, heap.kibPerLiveSession() < GOAL_KIB_PER_SESSION);
        long[] live = heap.histogramBytes();
        long[] used = heap.heapInfoBytes();
        System.out.printf(Locale.ROOT, "    live objects after a full GC (class histogram): %.2f MiB before, %.2f MiB"
                        + " with the calls live, %.2f MiB once they ended (%.2f KiB per ended call stays)%n",
                mib(live[HeapResult.BEFORE]), mib(live[HeapResult.LIVE]), mib(live[HeapResult.AFTER]),
                heap.kibRetainedPerEndedCall());
        System.out.printf(Locale.ROOT, "    GC.heap_info used after GC.run (region granular, cross-check): %.2f,"
                        + " %.2f, %.2f MiB = %.2f KiB per live session%n",
                mib(used[HeapResult.BEFORE]), mib(used[HeapResult.LIVE]), mib(used[HeapResult.AFTER]),
                heap.heapInfoKibPerLiveSession());
        System.out.println("    grew most, bytes per live session:");
        for (HeapResult.ClassGrowth growth : heap.topClasses()) {
            System.out.printf(Locale.ROOT, "      %8.0f  %s%n", growth.bytesPerCall(), growth.className());
        }
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    /**
     * Two limits: the highest rate whose calls all complete with no backlog left, and the highest that also keeps
     * p99 under the goal; for the first rate past each, which process was busiest.
     */
    private void limit(List<Row> medians, double callSeconds) {
        System.out.println();
        System.out.printf(Locale.ROOT, "## Stepping the rate up (a call lasts %.2f s)%n", callSeconds);
        int completing = 0;
        int withinGoals = 0;
        boolean latencyBroke = false;
        for (Row median : medians) {
            boolean sustained = median.sustained(callSeconds);
            boolean fast = median.p99Millis() < GOAL_P99_MILLIS;
            if (sustained && fast && !latencyBroke) {
                withinGoals = median.targetRate();
            } else if (!latencyBroke) {
                latencyBroke = true;
                breaking("p99 went past " + (int) GOAL_P99_MILLIS + " ms", median);
            }
            if (!sustained) {
                breaking("calls failed or a backlog built up", median);
                break;
            }
            completing = median.targetRate();
        }
        System.out.println("highest rate meeting the goals (no failure, p99 < " + (int) GOAL_P99_MILLIS + " ms): "
                + (withinGoals == 0 ? "none" : withinGoals + " calls/s"));
        System.out.println("highest rate whose calls all completed (none failed, no backlog left at the end): "
                + (completing == 0 ? "none" : completing + " calls/s"));
    }

    private void breaking(String what, Row median) {
        String busiest = processes.stream()
                .max(Comparator.comparingDouble(process -> median.cpuPercentOfOneCore().get(process))).orElse("?");
        System.out.printf(Locale.ROOT, "at %d calls/s %s: %.0f failed, placed %.1f/s, drained in %.2f s,"
                        + " p99 %.2f ms; busiest process %s at %.0f%% of one core (all: %s)%n",
                median.targetRate(), what, median.failed(), median.placedRate(), median.drainSeconds(),
                median.p99Millis(), busiest, median.cpuPercentOfOneCore().get(busiest), percentages(median));
    }

    private String percentages(Row row) {
        List<String> parts = new ArrayList<>();
        for (String process : processes) {
            parts.add(String.format(Locale.ROOT, "%s %.0f%%", shortName(process), row.cpuPercentOfOneCore().get(process)));
        }
        parts.add(String.format(Locale.ROOT, "others %.0f%%", row.otherPercentOfOneCore()));
        return String.join(", ", parts);
    }

    private static void line(String what, double value, String unit, String goal, double ratio, Boolean met) {
        System.out.printf(Locale.ROOT, "  %-30s %9.2f %-8s goal %-13s %s %s%n", what, value, unit, goal,
                Double.isNaN(ratio) ? "           " : String.format(Locale.ROOT, "ratio %5.2f", ratio),
                met == null ? "" : met ? "MET" : "NOT MET");
    }

    private static String shortName(String process) {
        return switch (process) {
            case "asterisk-sim" -> "sim";
            case "app-server" -> "app";
            default -> process;
        };
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
