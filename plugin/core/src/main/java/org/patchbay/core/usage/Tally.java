package org.patchbay.core.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One category's counters over a period: how many, how much (in the category's unit), and the price in
 * millionths of the price unit. Integers throughout, so increments in Redis are exact HINCRBYs.
 */
public record Tally(long count, long usage, long priceMicros) {
    public static final Tally ZERO = new Tally(0, 0, 0);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public Tally plus(Tally other) {
        return new Tally(count + other.count, usage + other.usage, priceMicros + other.priceMicros);
    }

    public BigDecimal price() {
        return toDecimal(priceMicros);
    }

    public static BigDecimal toDecimal(long micros) {
        return BigDecimal.valueOf(micros).divide(MILLION, 6, RoundingMode.UNNECESSARY).stripTrailingZeros();
    }

    /** Millionths of {@code amount}, rounded up: a threshold or a price is never undercounted. */
    public static long toMicros(BigDecimal amount) {
        return amount.multiply(MILLION).setScale(0, RoundingMode.CEILING).longValueExact();
    }
}
