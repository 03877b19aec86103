package org.patchbay.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples the CPU time of each benchmark process, and of the driver itself, to charge every process its own;
 * and the whole machine's, so CPU taken by programs outside the benchmark (a noisy machine) shows too.
 */
final class CpuMeter {
    static final String DRIVER = "driver";

    /**
     * CPU used between two samples.
     *
     * @param wallMillis  wall time between them
     * @param cpuMillis   CPU milliseconds of each benchmark process
     * @param otherMillis CPU milliseconds of everything else on the machine
     */
    record Usage(double wallMillis, Map<String, Double> cpuMillis, double otherMillis) {
        double percentOfOneCore(String process) {
            return 100.0 * cpuMillis.get(process) / wallMillis;
        }

        double otherPercentOfOneCore() {
            return 100.0 * otherMillis / wallMillis;
        }
    }

    /** A reading of every process, and of the machine, at one moment. */
    record Sample(long wallNanos, Map<String, Double> cpuMillis, double machineMillis) {
        Usage since(Sample earlier) {
            Map<String, Double> used = new LinkedHashMap<>();
            cpuMillis.forEach((name, millis) -> used.put(name, millis - earlier.cpuMillis.get(name)));
            double ours = used.values().stream().mapToDouble(Double::doubleValue).sum();
            double others = Math.max(0, machineMillis - earlier.machineMillis - ours);
            return new Usage((wallNanos - earlier.wallNanos) / 1e6, used, others);
        }
    }

    private final List<ChildProcess> processes;
    private final long driverPid = ProcessHandle.current().pid();

    CpuMeter(List<ChildProcess> processes) {
        this.processes = List.copyOf(processes);
    }

    /** The processes charged, in the order printed: the children, then the driver. */
    List<String> names() {
        List<String> names = new ArrayList<>(processes.stream().map(ChildProcess::name).toList());
        names.add(DRIVER);
        return names;
    }

    /** What programs outside the benchmark used, in % of one core, over the next {@code millis} (blocks). */
    double othersPercentOver(long millis) {
        Sample start = sample();
        Cluster.sleepMillis(millis);
        return sample().since(start).otherPercentOfOneCore();
    }

    Sample sample() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (ChildProcess process : processes) {
            cpu.put(process.name(), process.cpuMillis());
        }
        cpu.put(DRIVER, ProcCpu.cpuMillis(driverPid));
        return new Sample(System.nanoTime(), cpu, ProcCpu.machineBusyMillis());
    }
}
