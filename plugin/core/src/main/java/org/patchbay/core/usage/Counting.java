package org.patchbay.core.usage;

import org.patchbay.core.events.RoutedEvent;

import java.util.ArrayList;
import java.util.List;

/** What an event adds to each category, priced, with the sum of the prices in {@code totalprice}. */
public final class Counting {
    private final List<CountRule> rules;
    private final PriceTable prices;

    public Counting(List<CountRule> rules, PriceTable prices) {
        this.rules = List.copyOf(rules);
        this.prices = prices;
    }

    public List<Increment> increments(RoutedEvent event) {
        List<Increment> increments = new ArrayList<>();
        long total = 0;
        for (CountRule rule : rules) {
            if (rule.counts().test(event)) {
                String name = rule.category().name();
                long usage = rule.usage().applyAsLong(event);
                long price = prices.priceMicros(name, usage);
                total += price;
                increments.add(new Increment(name, new Tally(1, usage, price)));
            }
        }
        if (total > 0) {
            increments.add(new Increment(UsageCategories.TOTAL_PRICE, new Tally(0, 0, total)));
        }
        return increments;
    }

    public String priceUnit() {
        return prices.priceUnit();
    }
}
