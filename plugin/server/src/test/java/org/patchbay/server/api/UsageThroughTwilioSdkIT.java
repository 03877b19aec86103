package org.patchbay.server.api;

import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.rest.api.v2010.account.usage.Record;
import com.twilio.rest.api.v2010.account.usage.Trigger;
import com.twilio.rest.api.v2010.account.usage.record.Daily;
import com.twilio.rest.api.v2010.account.usage.record.LastMonth;
import com.twilio.rest.api.v2010.account.usage.record.Today;
import com.twilio.rest.api.v2010.account.usage.record.Yesterday;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.events.EventPublisher;
import org.patchbay.core.usage.AccountFamily;
import org.patchbay.core.usage.Counting;
import org.patchbay.core.usage.PriceTable;
import org.patchbay.core.usage.TriggerCallbacks;
import org.patchbay.core.usage.UsageCategories;
import org.patchbay.core.usage.UsageMeter;
import org.patchbay.core.webhook.WebhookOutcome;
import org.patchbay.testkit.UsageEvents;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import io.vertx.core.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Usage Records and Usage Triggers routes as Twilio's Java helper library drives them. */
class UsageThroughTwilioSdkIT extends SdkTestBase {
    /** Each test counts in a month of its own, since the server (and its counters) is shared by the class. */
    private static int months;
    private Instant noon;
    private LocalDate day;
    private UsageMeter meter;

    @BeforeEach
    void meterOverTheServersStore() {
        day = LocalDate.parse("2026-11-18").minusMonths(++months);
        noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        server.clock.set(noon);
        PriceTable prices = new PriceTable(Map.of("calls-inbound", new BigDecimal("0.0085"), "calls-outbound", new BigDecimal("0.014")), "usd");
        AccountFamily accounts = new AccountFamily(server.store);
        meter = new UsageMeter(server.usage, new Counting(UsageCategories.RULES, prices), accounts, a -> ZoneOffset.UTC,
                new TriggerCallbacks(server.usage, accounts, hook -> Future.succeededFuture(new WebhookOutcome(true, 1, 200, null)),
                        EventPublisher.none()), server.clock);
    }

    @Test
    void recordsPerCategoryWithSubaccountsRolledUp() {
        String main = freshAccountUsage();
        ResourceSet<Record> calls = Record.reader().setCategory(Record.Category.CALLS).setStartDate(day).setEndDate(day).read(client);
        Record all = single(calls);
        assertEquals("calls", all.getCategory().toString());
        assertEquals("3", all.getCount());
        assertEquals("5", all.getUsage(), "61 s → 2 min, 30 s → 1 min, 90 s → 2 min");
        assertEquals("minutes", all.getUsageUnit());
        assertEquals("calls", all.getCountUnit());

        Record own = single(Record.reader().setCategory(Record.Category.CALLS).setStartDate(day).setEndDate(day)
                .setIncludeSubaccounts(false).read(client));
        assertEquals("2", own.getCount());

        Record inbound = single(Record.reader().setCategory(Record.Category.CALLS_INBOUND).setStartDate(day).setEndDate(day).read(client));
        assertEquals("1", inbound.getCount());
        assertEquals(0, new BigDecimal("0.017").compareTo(inbound.getPrice()), "2 minutes at 0.0085");
        assertEquals("usd", inbound.getPriceUnit().getCurrencyCode().toLowerCase());
        Record total = single(Record.reader().setCategory(Record.Category.TOTALPRICE).setStartDate(day).setEndDate(day).read(client));
        assertEquals(0, new BigDecimal("0.059").compareTo(total.getPrice()), "0.017 + 1 min + 2 min (sub) at 0.014");
        assertTrue(main.startsWith("AC"));
    }

    @Test
    void periodSubresourcesAndRelativeDates() {
        freshAccountUsage();
        Today today = single(Today.reader().setCategory(Today.Category.CALLS).read(client));
        assertEquals("3", today.getCount());
        assertEquals(day, today.getStartDate());
        Yesterday yesterday = single(Yesterday.reader().setCategory(Yesterday.Category.CALLS).read(client));
        assertEquals("1", yesterday.getCount(), "one call was the day before");
        LastMonth last = single(LastMonth.reader().setCategory(LastMonth.Category.CALLS).read(client));
        assertEquals("0", last.getCount());

        List<Daily> days = StreamSupport.stream(Daily.reader().setCategory(Daily.Category.CALLS)
                .setStartDate(day.minusDays(2)).setEndDate(day).read(client).spliterator(), false).toList();
        assertEquals(List.of("0", "1", "3"), days.stream().map(Daily::getCount).toList());

        String relative = server.send("GET", "/2010-04-01/Accounts/" + server.main.sid()
                        + "/Usage/Records.json?Category=calls&StartDate=-1days", ApiServer.basic(server.main), null).body();
        assertTrue(relative.contains("\"count\":\"4\""), relative);
        assertTrue(relative.contains("\"start_date\":\"" + day.minusDays(1) + "\""), relative);
    }

    @Test
    void everyCategoryIsListedAndPaged() {
        freshAccountUsage();
        ResourceSet<Record> records = Record.reader().setStartDate(day).setEndDate(day).pageSize(3).read(client);
        List<Record> paged = StreamSupport.stream(records.spliterator(), false).toList();
        assertEquals(UsageCategories.all().size(), paged.size(), "every category, three to a page");
        assertEquals("calls", paged.get(0).getCategory().toString());
        // Patchbay's own categories (patchbay-…) are not in the helper library's enum: read their names raw
        String raw = server.send("GET", "/2010-04-01/Accounts/" + server.main.sid() + "/Usage/Records/Today.json?PageSize=1000",
                ApiServer.basic(server.main), null).body();
        List<String> names = new io.vertx.core.json.JsonObject(raw).getJsonArray("usage_records").stream()
                .map(r -> ((io.vertx.core.json.JsonObject) r).getString("category")).toList();
        assertEquals(UsageCategories.all().stream().map(c -> c.name()).toList(), names);
    }

    @Test
    void triggersAreCreatedWithOffsetsListedFetchedUpdatedAndDeleted() {
        freshAccountUsage();
        Trigger offset = Trigger.creator(URI.create("http://127.0.0.1:9/usage"), "+10", Trigger.UsageCategory.CALLS)
                .setTriggerBy(Trigger.TriggerField.COUNT).setRecurring(Trigger.Recurring.DAILY).setFriendlyName("ten more today")
                .create(client);
        assertEquals("13", offset.getTriggerValue(), "3 calls today + 10");
        assertEquals("3", offset.getCurrentValue());
        assertEquals(Trigger.Recurring.DAILY, offset.getRecurring());
        assertNull(offset.getDateFired());
        assertTrue(offset.getUsageRecordUri().endsWith("/Usage/Records/Today.json?Category=calls"));

        Trigger price = Trigger.creator(URI.create("http://127.0.0.1:9/price"), "1.5", Trigger.UsageCategory.TOTALPRICE)
                .setTriggerBy(Trigger.TriggerField.PRICE).setRecurring(Trigger.Recurring.MONTHLY)
                .setCallbackMethod(HttpMethod.GET).create(client);
        assertEquals("0.073", price.getCurrentValue(), "this month: today's 0.059 and yesterday's 0.014");

        assertEquals(2, count(Trigger.reader().read(client)));
        assertEquals(1, count(Trigger.reader().setRecurring(Trigger.Recurring.DAILY).read(client)));
        assertEquals(1, count(Trigger.reader().setTriggerBy(Trigger.TriggerField.PRICE).read(client)));
        assertEquals(1, count(Trigger.reader().setUsageCategory(Trigger.UsageCategory.TOTALPRICE).read(client)));

        Trigger updated = Trigger.updater(offset.getSid()).setFriendlyName("renamed").setCallbackMethod(HttpMethod.GET).update(client);
        assertEquals("renamed", updated.getFriendlyName());
        assertEquals(HttpMethod.GET, updated.getCallbackMethod());
        assertEquals("13", Trigger.fetcher(offset.getSid()).fetch(client).getTriggerValue());

        assertTrue(Trigger.deleter(price.getSid()).delete(client));
        ApiException gone = assertThrows(ApiException.class, () -> Trigger.fetcher(price.getSid()).fetch(client));
        assertEquals(20404, gone.getCode());
        ApiException otherAccount = assertThrows(ApiException.class,
                () -> Trigger.fetcher(offset.getSid()).fetch(clientFor(server.sibling)));
        assertEquals(20404, otherAccount.getCode(), "another account's trigger is as good as absent");
    }

    @Test
    void badTriggersAreRefusedWithTwilioErrors() {
        ApiException value = assertThrows(ApiException.class, () -> Trigger.creator(URI.create("http://127.0.0.1:9/u"), "ten",
                Trigger.UsageCategory.CALLS).create(client));
        assertEquals(400, value.getStatusCode());
        assertEquals(21200, value.getCode());
        ApiException category = assertThrows(ApiException.class, () -> Trigger.creator(URI.create("http://127.0.0.1:9/u"), "1",
                Trigger.UsageCategory.SMS).create(client));
        assertEquals(400, category.getStatusCode());
    }

    /** Usage on a fresh main account: one inbound and one outbound call of its own, one of its subaccount, and one yesterday. */
    private String freshAccountUsage() {
        String main = server.main.sid();
        count(UsageEvents.callCompleted(id(), main, "inbound", "+15550001", "+15550002", 61, noon));
        count(UsageEvents.callCompleted(id(), main, "outbound-api", "+15550002", "+15550003", 30, noon));
        count(UsageEvents.callCompleted(id(), server.sub.sid(), "outbound-dial", "+15550002", "+15550004", 90, noon));
        count(UsageEvents.callCompleted(id(), main, "outbound-api", "+15550002", "+15550003", 5, noon.minusSeconds(86_400)));
        return main;
    }

    private void count(org.patchbay.core.events.RoutedEvent event) {
        ApiServer.await(meter.count(event));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static <T extends com.twilio.base.Resource> T single(ResourceSet<T> set) {
        List<T> all = StreamSupport.stream(set.spliterator(), false).toList();
        assertEquals(1, all.size(), "records: " + all);
        return all.get(0);
    }

    private static long count(ResourceSet<?> set) {
        return StreamSupport.stream(set.spliterator(), false).count();
    }
}
