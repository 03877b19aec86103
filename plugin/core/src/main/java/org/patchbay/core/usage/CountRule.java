package org.patchbay.core.usage;

import org.patchbay.core.events.RoutedEvent;

import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * How one category is counted: which events count (one each) and how much usage each brings.
 * Adding a category is adding one of these to {@link UsageCategories#RULES}.
 */
public record CountRule(UsageCategory category, Predicate<RoutedEvent> counts, ToLongFunction<RoutedEvent> usage) {

    public static CountRule of(String name, String description, String countUnit, String usageUnit,
                               Predicate<RoutedEvent> counts, ToLongFunction<RoutedEvent> usage) {
        return new CountRule(new UsageCategory(name, description, countUnit, usageUnit), counts, usage);
    }
}
