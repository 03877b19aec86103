package org.patchbay.core.limits;

import java.util.Map;
import java.util.TreeMap;

/**
 * An account's own thresholds, set through the Limits API; a null (or absent resource) means the
 * configured default applies. 0 means unlimited.
 */
public record AccountLimits(String accountSid, Integer apiConcurrency, Integer concurrentCalls, Integer callsPerSecond,
                            Map<String, Integer> apiConcurrencyByResource) {

    public AccountLimits {
        apiConcurrencyByResource = apiConcurrencyByResource == null ? Map.of() : Map.copyOf(new TreeMap<>(apiConcurrencyByResource));
    }

    public static AccountLimits none(String accountSid) {
        return new AccountLimits(accountSid, null, null, null, Map.of());
    }

    /** These thresholds with {@code changes}'s non-null ones put over them. */
    public AccountLimits updatedWith(AccountLimits changes) {
        Map<String, Integer> resources = new TreeMap<>(apiConcurrencyByResource);
        resources.putAll(changes.apiConcurrencyByResource());
        return new AccountLimits(accountSid,
                changes.apiConcurrency() != null ? changes.apiConcurrency() : apiConcurrency,
                changes.concurrentCalls() != null ? changes.concurrentCalls() : concurrentCalls,
                changes.callsPerSecond() != null ? changes.callsPerSecond() : callsPerSecond,
                resources);
    }
}
