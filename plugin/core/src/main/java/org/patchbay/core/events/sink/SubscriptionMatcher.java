package org.patchbay.core.events.sink;

import org.patchbay.core.events.RoutedEvent;

/**
 * Whether a subscription selects an event: one of its types at the event's schema version, an account it covers,
 * and every filter it sets. Pure: the router looks the event account's owner up and passes it in.
 */
public final class SubscriptionMatcher {
    public static final String DIRECTION = "direction";
    public static final String TO = "to";
    public static final String FROM = "from";

    private SubscriptionMatcher() {
    }

    /**
     * @param eventAccountOwner the account that owns the event's account when that is a subaccount (its
     *                          {@code ownerAccountSid}); the event's own account, or null, otherwise
     */
    public static boolean matches(Subscription subscription, RoutedEvent event, String eventAccountOwner) {
        SubscriptionFilters filters = subscription.filters();
        return subscription.types().stream().anyMatch(type -> type.matches(event.type()))
                && covers(subscription, event.accountSid(), eventAccountOwner)
                && passes(filters.subject(), event.subject())
                && passes(filters.accountSid(), event.accountSid())
                && passes(filters.direction(), event.facts().get(DIRECTION))
                && passes(filters.to(), event.facts().get(TO))
                && passes(filters.from(), event.facts().get(FROM));
    }

    private static boolean covers(Subscription subscription, String eventAccount, String eventAccountOwner) {
        String account = subscription.accountSid();
        return account.equals(eventAccount)
                || subscription.filters().includeSubaccounts() && account.equals(eventAccountOwner);
    }

    private static boolean passes(TextMatch filter, String value) {
        return filter == null || filter.matches(value);
    }
}
