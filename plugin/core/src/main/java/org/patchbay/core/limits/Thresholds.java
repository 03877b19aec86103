package org.patchbay.core.limits;

import java.util.Map;

/** The thresholds in force for one account: its own where it set them, else the configured defaults. 0 = unlimited. */
public record Thresholds(int apiConcurrency, Map<String, Integer> apiByResource, int concurrentCalls, int callsPerSecond) {

    public Thresholds {
        apiByResource = Map.copyOf(apiByResource);
    }

    static Thresholds of(LimitDefaults defaults, AccountLimits own) {
        Map<String, Integer> byResource = new java.util.TreeMap<>(defaults.apiByResource());
        byResource.putAll(own.apiConcurrencyByResource());
        return new Thresholds(
                own.apiConcurrency() != null ? own.apiConcurrency() : defaults.apiConcurrency(),
                byResource,
                own.concurrentCalls() != null ? own.concurrentCalls() : defaults.concurrentCalls(),
                own.callsPerSecond() != null ? own.callsPerSecond() : defaults.callsPerSecond());
    }

    public int api(String resource) {
        return apiByResource.getOrDefault(resource, 0);
    }
}
