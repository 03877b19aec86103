package org.patchbay.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One printed line of figures: a step's own, or the medians of several runs of one rate (each figure the
 * median of the runs' figures, so CPU per call is the median of per-run ratios, not a ratio of medians).
 * CPU percentages are of one core; {@code otherPercentOfOneCore} is what programs outside the benchmark used.
 */
record Row(String label, int targetRate, double placedRate, double calls, double failed, double p50Millis,
           double p99Millis, double maxMillis, double drainSeconds, double maxLagMillis,
           Map<String, Double> cpuMillisPerCall, Map<String, Double> cpuPercentOfOneCore,
           double otherPercentOfOneCore) {

    static Row of(StepResult step, List<String> processes) {
        Map<String, Double> perCall = new LinkedHashMap<>();
        Map<String, Double> percent = new LinkedHashMap<>();
        for (String process : processes) {
            perCall.put(process, step.cpuMillisPerCall(process));
            percent.put(process, step.cpu().percentOfOneCore(process));
        }
        return new Row(step.label(), step.targetRate(), step.placedRate(), step.calls(), step.failed(),
                step.p50Millis(), step.p99Millis(), step.maxMillis(), step.drainSeconds(), step.maxLagMillis(),
                perCall, percent, step.cpu().otherPercentOfOneCore());
    }

    static Row median(int rate, List<StepResult> runs, List<String> processes) {
        Map<String, Double> perCall = new LinkedHashMap<>();
        Map<String, Double> percent = new LinkedHashMap<>();
        for (String process : processes) {
            perCall.put(process, medianOf(runs, run -> run.cpuMillisPerCall(process)));
            percent.put(process, medianOf(runs, run -> run.cpu().percentOfOneCore(process)));
        }
        return new Row(rate + "/s median", rate, medianOf(runs, StepResult::placedRate),
                medianOf(runs, StepResult::calls), medianOf(runs, StepResult::failed),
                medianOf(runs, StepResult::p50Millis), medianOf(runs, StepResult::p99Millis),
                medianOf(runs, StepResult::maxMillis), medianOf(runs, StepResult::drainSeconds),
                medianOf(runs, StepResult::maxLagMillis), perCall, percent,
                medianOf(runs, run -> run.cpu().otherPercentOfOneCore()));
    }

    /**
     * Whether the system kept up: no failed call, the generator kept its rate, and calls did not queue
     * (the simulator drained within one call's length, {@code callSeconds}, plus two seconds).
     */
    boolean sustained(double callSeconds) {
        return failed == 0 && placedRate >= 0.97 * targetRate && drainSeconds <= callSeconds + 2.0;
    }

    private static double medianOf(List<StepResult> runs, ToDoubleFunction<StepResult> figure) {
        return Percentiles.median(runs.stream().map(figure::applyAsDouble).toList());
    }
}
