package org.patchbay.core.usage;

/**
 * A trigger the store decided has fired, in the same atomic step as the increment that crossed it.
 *
 * @param period       the bucket it fired for (once per bucket: {@code d:2026-12-02}, …, {@code all})
 * @param currentValue the watched counter right after the increment, in the trigger's units
 */
public record Firing(String triggerSid, String accountSid, String period, long currentValue) {
}
