package org.patchbay.core.usage;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What usage costs: a price per unit of usage (per minute for calls) for each priced category, in
 * {@code priceUnit} ({@code usd} unless configured). Categories absent from the table are free.
 */
public record PriceTable(Map<String, BigDecimal> perUnit, String priceUnit) {
    public static final PriceTable FREE = new PriceTable(Map.of(), "usd");

    public PriceTable {
        perUnit = Map.copyOf(perUnit);
    }

    /** The price of {@code usage} units of {@code category}, in millionths of the price unit. */
    public long priceMicros(String category, long usage) {
        BigDecimal price = perUnit.get(category);
        return price == null ? 0 : Tally.toMicros(price.multiply(BigDecimal.valueOf(usage)));
    }
}
