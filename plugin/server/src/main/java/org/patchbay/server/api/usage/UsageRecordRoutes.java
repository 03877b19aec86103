package org.patchbay.server.api.usage;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.store.Page;
import org.patchbay.core.usage.Period;
import org.patchbay.core.usage.Tally;
import org.patchbay.core.usage.UsageCategories;
import org.patchbay.core.usage.UsageCategory;
import org.patchbay.core.usage.UsageDelta;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Paging;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.Reply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /Usage/Records} and its subresources: one record per category (or the one {@code Category})
 * for each span of the list, read from the account's family counters (itself and its subaccounts)
 * unless {@code IncludeSubaccounts=false}. Only the page asked for is read.
 */
final class UsageRecordRoutes {
    private static final List<String> FILTERS = List.of("Category", "StartDate", "EndDate", "IncludeSubaccounts");

    /** Nothing was counted before Patchbay's epoch, nor after next year: ranges are clipped to that, so no request reads without end. */
    private static final LocalDate EARLIEST = Period.ALLTIME.start(LocalDate.EPOCH);

    private final UsageApi usage;

    UsageRecordRoutes(UsageApi usage) {
        this.usage = usage;
    }

    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RecordSpans spans : RecordSpans.values()) {
            endpoints.add(Endpoint.account(HttpMethod.GET, "/Usage/Records" + spans.path() + ".json", request -> list(request, spans)));
        }
        return endpoints;
    }

    private Future<Reply> list(ApiRequest request, RecordSpans kind) {
        Params params = request.params();
        Paging paging = Paging.from(params);
        String accountSid = request.accountSid();
        LocalDate today = usage.today(accountSid);
        LocalDate created = request.account().dateCreated().atZone(usage.zones().apply(accountSid)).toLocalDate();
        LocalDate first = created.isAfter(today) ? today : created;
        boolean datesGiven = kind.ranged() && (params.get("StartDate") != null || params.get("EndDate") != null);
        LocalDate from = kind.ranged() ? latest(UsageDates.parse(params, "StartDate", today, first), EARLIEST) : today;
        LocalDate to = kind.ranged() ? earliest(UsageDates.parse(params, "EndDate", today, today), today.plusYears(1)) : today;
        Boolean include = params.bool("IncludeSubaccounts");
        String counters = Boolean.FALSE.equals(include) ? UsageDelta.Scope.own(accountSid) : UsageDelta.Scope.family(accountSid);
        List<UsageCategory> categories = categories(params.get("Category"));
        List<RecordSpans.Span> spans = kind.spans(today, first, from, to, datesGiven);

        long total = (long) spans.size() * categories.size();
        int end = (int) Math.min(total, (long) paging.offset() + paging.pageSize());
        Map<Integer, Future<Map<String, Tally>>> reads = new LinkedHashMap<>();
        for (int i = paging.offset(); i < end; i++) {
            int span = i / categories.size();
            reads.computeIfAbsent(span, s -> usage.store().read(counters, spans.get(s).buckets()));
        }
        Instant asOf = usage.clock().instant();
        return Future.all(new ArrayList<>(reads.values())).map(done -> {
            List<JsonObject> items = new ArrayList<>();
            for (int i = paging.offset(); i < end; i++) {
                int span = i / categories.size();
                UsageCategory category = categories.get(i % categories.size());
                Tally tally = reads.get(span).result().getOrDefault(category.name(), Tally.ZERO);
                items.add(UsageRecordJson.of(accountSid, category, tally, spans.get(span), usage.priceUnit(), asOf));
            }
            Page<JsonObject> page = new Page<>(items, paging.offset(), paging.pageSize(), end < total);
            return Reply.ok(paging.body("usage_records", items, page, request.path(), params, FILTERS));
        });
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Every category, or the one asked for; a category Patchbay does not count lists nothing. */
    private static List<UsageCategory> categories(String name) {
        if (name == null || name.isEmpty()) {
            return UsageCategories.all();
        }
        UsageCategory category = UsageCategories.byName(name);
        return category == null ? List.of() : List.of(category);
    }
}
