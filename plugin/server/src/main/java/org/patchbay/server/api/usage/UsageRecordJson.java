package org.patchbay.server.api.usage;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.usage.Tally;
import org.patchbay.core.usage.UsageCategory;
import org.patchbay.core.usage.UsageUris;
import org.patchbay.server.api.http.Uris;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A usage record as Twilio's {@code api.v2010.account.usage.usage_record} names its fields. */
final class UsageRecordJson {
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private UsageRecordJson() {
    }

    static JsonObject of(String accountSid, UsageCategory category, Tally tally, RecordSpans.Span span, String priceUnit,
                         Instant asOf) {
        String base = UsageUris.records(accountSid);
        String query = "?Category=" + category.name();
        String usage = category.usageIsPrice() ? tally.price().toPlainString() : Long.toString(tally.usage());
        return new JsonObject()
                .put("account_sid", accountSid)
                .put("api_version", Uris.API_VERSION)
                .put("as_of", AS_OF.format(asOf))
                .put("category", category.name())
                .put("count", Long.toString(tally.count()))
                .put("count_unit", category.countUnit())
                .put("description", category.description())
                .put("end_date", span.end().toString())
                .put("price", tally.price().doubleValue())
                .put("price_unit", priceUnit)
                .put("start_date", span.start().toString())
                .put("subresource_uris", new JsonObject()
                        .put("all_time", base + "/AllTime.json" + query)
                        .put("daily", base + "/Daily.json" + query)
                        .put("last_month", base + "/LastMonth.json" + query)
                        .put("monthly", base + "/Monthly.json" + query)
                        .put("this_month", base + "/ThisMonth.json" + query)
                        .put("today", base + "/Today.json" + query)
                        .put("yearly", base + "/Yearly.json" + query)
                        .put("yesterday", base + "/Yesterday.json" + query))
                .put("uri", base + ".json" + query + "&StartDate=" + span.start() + "&EndDate=" + span.end())
                .put("usage", usage)
                .put("usage_unit", category.usageIsPrice() ? priceUnit : category.usageUnit());
    }
}
