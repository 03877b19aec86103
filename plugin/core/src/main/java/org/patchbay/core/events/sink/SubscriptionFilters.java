package org.patchbay.core.events.sink;

/**
 * Patchbay's selection beyond Twilio's event types; a null match lets every event through on that value.
 *
 * @param subject            the event's subject (a CallSid)
 * @param accountSid         the account the event belongs to (useful with {@code includeSubaccounts})
 * @param direction          the call's direction ({@code inbound}, {@code outbound-api}, {@code outbound-dial})
 * @param to                 the call's To
 * @param from               the call's From
 * @param includeSubaccounts whether events of the subscription account's subaccounts are selected too
 */
public record SubscriptionFilters(TextMatch subject, TextMatch accountSid, TextMatch direction, TextMatch to,
                                  TextMatch from, boolean includeSubaccounts) {

    /** Every event of the subscription's own account. */
    public static final SubscriptionFilters NONE = new SubscriptionFilters(null, null, null, null, null, false);
}
