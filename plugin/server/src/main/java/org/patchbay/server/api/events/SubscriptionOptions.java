package org.patchbay.server.api.events;

import org.patchbay.core.events.sink.Batching;
import org.patchbay.core.events.sink.SubscriptionFilters;
import org.patchbay.core.events.sink.TextMatch;
import org.patchbay.server.api.http.Params;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Patchbay's subscription parameters beyond Twilio's: {@code FilterSubject}, {@code FilterAccountSid},
 * {@code FilterDirection}, {@code FilterTo}, {@code FilterFrom} (each a value, {@code abc*} for a prefix or
 * {@code *abc} for a suffix; empty to remove the filter), {@code IncludeSubaccounts}, and for batching webhook
 * sinks {@code BatchSize} and {@code BatchWaitMs}. Parameters left out keep what the subscription had.
 */
final class SubscriptionOptions {
    static final List<String> NAMES = List.of("FilterSubject", "FilterAccountSid", "FilterDirection", "FilterTo",
            "FilterFrom", "IncludeSubaccounts", "BatchSize", "BatchWaitMs");
    private static final Set<String> DIRECTIONS = Set.of("inbound", "outbound-api", "outbound-dial");
    private static final int MAX_PATTERN = 128;

    private SubscriptionOptions() {
    }

    static SubscriptionFilters filters(Params params, SubscriptionFilters current) {
        TextMatch direction = match(params, "FilterDirection", current.direction());
        if (direction != null && direction.mode() == TextMatch.Mode.EXACT && !DIRECTIONS.contains(direction.value())) {
            throw Params.invalid("FilterDirection must be inbound, outbound-api or outbound-dial (or a prefix such as outbound*)");
        }
        Boolean subaccounts = params.bool("IncludeSubaccounts");
        return new SubscriptionFilters(match(params, "FilterSubject", current.subject()),
                match(params, "FilterAccountSid", current.accountSid()), direction,
                match(params, "FilterTo", current.to()), match(params, "FilterFrom", current.from()),
                subaccounts == null ? current.includeSubaccounts() : subaccounts);
    }

    static Batching batching(Params params, Batching current) {
        Integer size = params.integer("BatchSize", 1, Batching.MAX_SIZE);
        Integer waitMs = params.integer("BatchWaitMs", 0, (int) Batching.LONGEST_WAIT.toMillis());
        return new Batching(size == null ? current.size() : size,
                waitMs == null ? current.maxWait() : Duration.ofMillis(waitMs));
    }

    private static TextMatch match(Params params, String name, TextMatch current) {
        if (!params.has(name)) {
            return current;
        }
        return TextMatch.parse(params.text(name, MAX_PATTERN));
    }
}
