package org.patchbay.core.usage;

import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.patchbay.core.account.Account;
import org.patchbay.core.events.CallStatusChanged;
import org.patchbay.core.events.EventPublisher;
import org.patchbay.core.events.EventType;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.store.memory.MemoryStore;
import org.patchbay.core.usage.memory.MemoryUsageStore;
import org.patchbay.core.webhook.WebhookOutcome;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The meter's arithmetic: which counters an event lands in, in whose time zone, at what price. */
class UsageMeterTest {
    private static final String PARIS = "AC" + "1".repeat(32);
    private static final String SUB = "AC" + "2".repeat(32);
    private static final Instant LATE_EVENING_UTC = Instant.parse("2026-05-31T22:30:00Z");

    private final MemoryStore records = new MemoryStore();
    private final MemoryUsageStore usage = new MemoryUsageStore(Duration.ofDays(1));

    @Test
    void anEventCountsInTheDayOfEachAccountsTimeZoneAndRollsUpToTheOwner() {
        put(new Account(PARIS, PARIS, "t", "paris", Account.Status.active, LATE_EVENING_UTC, LATE_EVENING_UTC));
        put(new Account(SUB, PARIS, "t", "sub in UTC", Account.Status.active, LATE_EVENING_UTC, LATE_EVENING_UTC));
        Map<String, ZoneId> zones = Map.of(PARIS, ZoneId.of("Europe/Paris"));
        UsageMeter meter = meter(zones, PriceTable.FREE);

        await(meter.count(call("e1", SUB, "inbound", 125)));

        assertEquals(new Tally(1, 3, 0), read(UsageDelta.Scope.own(SUB), "d:2026-05-31").get("calls"), "23:30 is still May 31 in UTC");
        assertEquals(new Tally(1, 3, 0), read(UsageDelta.Scope.family(PARIS), "d:2026-06-01").get("calls"), "00:30 June 1 in Paris");
        assertEquals(new Tally(1, 3, 0), read(UsageDelta.Scope.family(PARIS), "m:2026-06").get("calls-inbound"));
        assertNull(read(UsageDelta.Scope.own(PARIS), "all").get("calls"), "the owner's own counters hold only its own calls");
    }

    @Test
    void pricesAreChargedPerRoundedMinuteAndSummedInTotalPrice() {
        put(new Account(PARIS, PARIS, "t", "main", Account.Status.active, LATE_EVENING_UTC, LATE_EVENING_UTC));
        UsageMeter meter = meter(Map.of(), new PriceTable(Map.of("calls", new BigDecimal("0.01"), "calls-outbound",
                new BigDecimal("0.014")), "usd"));

        await(meter.count(call("e2", PARIS, "outbound-api", 61)));

        Map<String, Tally> all = read(UsageDelta.Scope.family(PARIS), "all");
        assertEquals(new Tally(1, 2, 20_000), all.get("calls"));
        assertEquals(new Tally(1, 2, 28_000), all.get("calls-outbound"));
        assertEquals(new Tally(0, 0, 48_000), all.get(UsageCategories.TOTAL_PRICE));
    }

    private UsageMeter meter(Map<String, ZoneId> zones, PriceTable prices) {
        AccountFamily accounts = new AccountFamily(records);
        return new UsageMeter(usage, new Counting(UsageCategories.RULES, prices), accounts,
                account -> zones.getOrDefault(account, ZoneOffset.UTC),
                new TriggerCallbacks(usage, accounts, hook -> Future.succeededFuture(new WebhookOutcome(true, 1, 200, null)),
                        EventPublisher.none()), Clock.systemUTC());
    }

    private static RoutedEvent call(String id, String account, String direction, long seconds) {
        return new RoutedEvent(id, EventType.of(CallStatusChanged.PREFIX + "completed"), "test", account, "CA" + id,
                LATE_EVENING_UTC, 1, Map.of("CallStatus", "completed", "Direction", direction, "From", "+1555", "To", "+1666",
                "CallDuration", Long.toString(seconds)), Map.of());
    }

    private void put(Account account) {
        await(records.of(Account.KIND).put(account));
    }

    private Map<String, Tally> read(String counters, String bucket) {
        return await(usage.read(counters, List.of(bucket)));
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
