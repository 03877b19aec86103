package org.patchbay.core.usage;

/**
 * A usage category as Twilio's Usage Records name and describe it.
 *
 * @param countUnit    what {@code count} counts ({@code calls}, {@code recordings}, …)
 * @param usageUnit    what {@code usage} measures ({@code minutes}); null when usage is the price ({@code totalprice})
 */
public record UsageCategory(String name, String description, String countUnit, String usageUnit) {

    /** Whether {@code usage} is money, kept like the price in millionths of the price unit. */
    public boolean usageIsPrice() {
        return usageUnit == null;
    }
}
