package org.patchbay.core.usage;

import java.math.BigDecimal;

/**
 * A {@code TriggerValue} as given: an absolute value ({@code 100}, {@code 10.50}) or an offset from
 * the watched counter's value when the trigger is created ({@code +30}).
 */
public record TriggerValue(BigDecimal amount, boolean offset) {
    private static final int MAX_LENGTH = 20;

    /** @throws IllegalArgumentException when the text is not a non-negative decimal, optionally after a {@code +} */
    public static TriggerValue parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH
                || !text.trim().matches("\\+?[0-9]{1,12}(\\.[0-9]{1,6})?")) {
            throw new IllegalArgumentException("TriggerValue must be a positive number, or +N for N more than the current value");
        }
        String trimmed = text.trim();
        boolean offset = trimmed.startsWith("+");
        return new TriggerValue(new BigDecimal(offset ? trimmed.substring(1) : trimmed), offset);
    }

    /** The absolute value, given the watched counter's value now (in the trigger's units: a price as money). */
    public BigDecimal resolve(BigDecimal current) {
        return offset ? current.add(amount) : amount;
    }
}
