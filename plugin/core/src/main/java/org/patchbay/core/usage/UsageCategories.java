package org.patchbay.core.usage;

import org.patchbay.core.events.LimitRejected;
import org.patchbay.core.events.RecordCompleted;
import org.patchbay.core.events.RoutedEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.patchbay.core.usage.CallUsage.client;
import static org.patchbay.core.usage.CallUsage.connected;
import static org.patchbay.core.usage.CallUsage.inbound;
import static org.patchbay.core.usage.CallUsage.phone;
import static org.patchbay.core.usage.CallUsage.sip;

/**
 * The categories Patchbay counts, with Twilio's names, and how each is counted from the platform's
 * events. {@code totalprice} is not counted from events: it is the sum of every other category's price.
 * Categories Twilio has no name for are named {@code patchbay-…}.
 */
public final class UsageCategories {
    public static final String TOTAL_PRICE = "totalprice";

    public static final List<CountRule> RULES = List.of(
            CountRule.of("calls", "Voice Minutes", "calls", "minutes", CallUsage::connected, CallUsage::minutes),
            CountRule.of("calls-inbound", "Inbound Voice Minutes", "calls", "minutes",
                    e -> connected(e) && inbound(e) && phone(e), CallUsage::minutes),
            CountRule.of("calls-outbound", "Outbound Voice Minutes", "calls", "minutes",
                    e -> connected(e) && !inbound(e) && phone(e), CallUsage::minutes),
            CountRule.of("calls-client", "Client Voice Minutes", "calls", "minutes",
                    e -> connected(e) && client(e), CallUsage::minutes),
            CountRule.of("calls-sip", "SIP Voice Minutes", "calls", "minutes", e -> connected(e) && sip(e), CallUsage::minutes),
            CountRule.of("calls-sip-inbound", "Inbound SIP Voice Minutes", "calls", "minutes",
                    e -> connected(e) && sip(e) && inbound(e), CallUsage::minutes),
            CountRule.of("calls-sip-outbound", "Outbound SIP Voice Minutes", "calls", "minutes",
                    e -> connected(e) && sip(e) && !inbound(e), CallUsage::minutes),
            CountRule.of("recordings", "Voice Recordings", "recordings", "minutes",
                    e -> RecordCompleted.TYPE.name().equals(e.type().name()), UsageCategories::recordedMinutes),
            CountRule.of("patchbay-api-rejections", "API requests refused by the concurrency limit (Patchbay)", "requests", "requests",
                    e -> rejected(e, LimitRejected.API_CONCURRENCY), e -> 1),
            CountRule.of("patchbay-call-rejections", "Calls refused by the concurrent calls limit (Patchbay)", "calls", "calls",
                    e -> rejected(e, LimitRejected.CONCURRENT_CALLS), e -> 1));

    private static final UsageCategory TOTAL = new UsageCategory(TOTAL_PRICE, "Total Price", "", null);
    private static final Map<String, UsageCategory> BY_NAME = index();

    private UsageCategories() {
    }

    /** Every category, in the order the Usage Records API lists them. */
    public static List<UsageCategory> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The category of that name, or null when Patchbay does not count it. */
    public static UsageCategory byName(String name) {
        return BY_NAME.get(name);
    }

    /** A recording's length rounded up to whole minutes, as Twilio bills recordings. */
    private static long recordedMinutes(RoutedEvent event) {
        Object seconds = event.data().get("durationSeconds");
        return seconds instanceof Number n ? (Math.max(0, n.longValue()) + 59) / 60 : 0;
    }

    private static boolean rejected(RoutedEvent event, String limit) {
        return LimitRejected.TYPE.name().equals(event.type().name()) && limit.equals(event.data().get("limit"));
    }

    private static Map<String, UsageCategory> index() {
        Map<String, UsageCategory> byName = new LinkedHashMap<>();
        RULES.forEach(rule -> byName.put(rule.category().name(), rule.category()));
        byName.put(TOTAL_PRICE, TOTAL);
        return byName;
    }
}
