package org.patchbay.server.api.usage;

import org.patchbay.core.usage.UsageStore;
import org.patchbay.server.api.http.Endpoint;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the Usage routes read: the store, each account's time zone, the price unit, and the clock that
 * says what today is (tests move it across midnight).
 */
public record UsageApi(UsageStore store, Function<String, ZoneId> zones, String priceUnit, Clock clock) {

    /** The Usage Records and Usage Triggers routes. */
    public List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>(new UsageRecordRoutes(this).endpoints());
        all.addAll(new UsageTriggerRoutes(this).endpoints());
        return all;
    }

    LocalDate today(String accountSid) {
        return clock.instant().atZone(zones.apply(accountSid)).toLocalDate();
    }
}
