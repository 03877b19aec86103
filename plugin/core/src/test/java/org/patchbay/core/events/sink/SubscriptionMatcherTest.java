package org.patchbay.core.events.sink;

import org.junit.jupiter.api.Test;
import org.patchbay.core.events.EventType;
import org.patchbay.core.events.RoutedEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionMatcherTest {
    private static final String PARENT = "AC" + "1".repeat(32);
    private static final String CHILD = "AC" + "2".repeat(32);
    private static final String STRANGER = "AC" + "3".repeat(32);
    private static final String CALL = "CA" + "a".repeat(32);
    private static final EventType ANSWERED = EventType.of("com.twilio.voice.status-callback.call.answered");
    private static final EventType COMPLETED = EventType.of("com.twilio.voice.status-callback.call.completed");

    @Test
    void selectsOnlyItsTypesAtTheirSchemaVersion() {
        Subscription answered = subscription(SubscriptionFilters.NONE, ANSWERED.name());

        assertTrue(SubscriptionMatcher.matches(answered, event(ANSWERED, PARENT), PARENT));
        assertFalse(SubscriptionMatcher.matches(answered, event(COMPLETED, PARENT), PARENT));
        assertFalse(SubscriptionMatcher.matches(answered, event(new EventType(ANSWERED.name(), 2), PARENT), PARENT));
    }

    @Test
    void selectsItsOwnAccountAndSubaccountsOnlyWhenAsked() {
        Subscription own = subscription(SubscriptionFilters.NONE, ANSWERED.name());
        Subscription family = subscription(new SubscriptionFilters(null, null, null, null, null, true), ANSWERED.name());

        assertFalse(SubscriptionMatcher.matches(own, event(ANSWERED, CHILD), PARENT));
        assertTrue(SubscriptionMatcher.matches(family, event(ANSWERED, CHILD), PARENT));
        assertFalse(SubscriptionMatcher.matches(family, event(ANSWERED, STRANGER), STRANGER));
        assertFalse(SubscriptionMatcher.matches(family, event(ANSWERED, STRANGER), null));
    }

    @Test
    void accountFilterNarrowsTheFamily() {
        Subscription childOnly = subscription(
                new SubscriptionFilters(null, TextMatch.parse(CHILD), null, null, null, true), ANSWERED.name());

        assertTrue(SubscriptionMatcher.matches(childOnly, event(ANSWERED, CHILD), PARENT));
        assertFalse(SubscriptionMatcher.matches(childOnly, event(ANSWERED, PARENT), PARENT));
    }

    @Test
    void filtersOnSubjectDirectionToAndFrom() {
        Subscription filtered = subscription(new SubscriptionFilters(TextMatch.parse(CALL), null,
                TextMatch.parse("outbound*"), TextMatch.parse("+4420*"), TextMatch.parse("*0100"), false), ANSWERED.name());

        assertTrue(SubscriptionMatcher.matches(filtered, event(ANSWERED, PARENT), PARENT));
        assertFalse(SubscriptionMatcher.matches(filtered, event(ANSWERED, PARENT, "CA" + "b".repeat(32),
                facts("outbound-api", "+442071234567", "+15005550100")), PARENT));
        assertFalse(SubscriptionMatcher.matches(filtered, event(ANSWERED, PARENT, CALL,
                facts("inbound", "+442071234567", "+15005550100")), PARENT));
        assertFalse(SubscriptionMatcher.matches(filtered, event(ANSWERED, PARENT, CALL,
                facts("outbound-dial", "+4930123", "+15005550100")), PARENT));
        assertFalse(SubscriptionMatcher.matches(filtered, event(ANSWERED, PARENT, CALL,
                facts("outbound-dial", "+442071234567", "+15005550199")), PARENT));
    }

    @Test
    void anEventWithoutTheFilteredFactIsNotSelected() {
        Subscription toFiltered = subscription(
                new SubscriptionFilters(null, null, null, TextMatch.parse("+4420*"), null, false), ANSWERED.name());

        assertFalse(SubscriptionMatcher.matches(toFiltered, event(ANSWERED, PARENT, null, Map.of()), PARENT));
    }

    @Test
    void textMatchReadsExactPrefixAndSuffix() {
        assertTrue(TextMatch.parse("+1500").matches("+1500"));
        assertFalse(TextMatch.parse("+1500").matches("+15005"));
        assertTrue(TextMatch.parse("+1500*").matches("+15005550100"));
        assertTrue(TextMatch.parse("*0100").matches("+15005550100"));
        assertFalse(TextMatch.parse("*0100").matches("+15005550101"));
        assertNull(TextMatch.parse(""));
        assertEquals("*0100", TextMatch.parse("*0100").pattern());
    }

    private static Subscription subscription(SubscriptionFilters filters, String... types) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new Subscription("DF" + "0".repeat(32), PARENT, "DG" + "0".repeat(32), "test",
                List.of(types).stream().map(type -> new SubscribedType(type, 1)).toList(), filters, null, now, now);
    }

    private static RoutedEvent event(EventType type, String account) {
        return event(type, account, CALL, facts("outbound-api", "+442071234567", "+15005550100"));
    }

    private static RoutedEvent event(EventType type, String account, String subject, Map<String, String> facts) {
        return new RoutedEvent("ev-1", type, "node-1", account, subject, Instant.now(), 1, Map.of(), facts);
    }

    private static Map<String, String> facts(String direction, String to, String from) {
        return Map.of(SubscriptionMatcher.DIRECTION, direction, SubscriptionMatcher.TO, to, SubscriptionMatcher.FROM, from);
    }
}
