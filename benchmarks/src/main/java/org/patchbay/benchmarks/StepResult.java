package org.patchbay.benchmarks;

import java.util.Map;

/**
 * The figures of one measured step.
 *
 * @param label           e.g. {@code 300/s #2}
 * @param targetRate      calls per second asked for
 * @param placedRate      calls per second actually sent to the simulator
 * @param calls           calls sent
 * @param completed       calls that passed every check
 * @param failed          calls that did not (including those the simulator refused)
 * @param reasons         why calls failed, with counts
 * @param p50Millis       median StasisStart → first play request
 * @param p99Millis       99th percentile of the same
 * @param maxMillis       the slowest
 * @param drainSeconds    from the last call placed to the simulator being idle (about one call's length
 *                        when Patchbay keeps up; more when calls queue)
 * @param maxLagMillis    the furthest the load generator fell behind its schedule
 * @param cpu             CPU time per process over the step (placing, draining, status callbacks)
 */
record StepResult(String label, int targetRate, double placedRate, int calls, int completed, int failed,
                  Map<String, Integer> reasons, double p50Millis, double p99Millis, double maxMillis,
                  double drainSeconds, double maxLagMillis, CpuMeter.Usage cpu) {

    /** CPU milliseconds a process spent per completed call. */
    double cpuMillisPerCall(String process) {
        return cpu.cpuMillis().get(process) / Math.max(1, completed);
    }
}
