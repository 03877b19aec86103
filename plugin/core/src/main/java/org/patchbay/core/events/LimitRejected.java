package org.patchbay.core.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request or a call was refused because a count was at its threshold: an API request answered 429,
 * an inbound call hung up busy, a Dial leg not rung.
 *
 * @param limit    {@code api-concurrency} or {@code concurrent-calls}
 * @param count    the full count, e.g. {@code api:AC…:Calls} or {@code calls:AC…} (a parent's, for a subaccount)
 * @param inFlight that count's slots in flight when it refused
 * @param subject  the refused call's SID, or null (an API request, an inbound call that got no SID)
 * @param detail   what was refused, e.g. {@code POST Calls} or the caller's number
 */
public record LimitRejected(String accountSid, String limit, String count, long inFlight, String subject, String detail, Instant time)
        implements PlatformEvent {
    public static final EventType TYPE = EventType.of("io.patchbay.limits.rejected");
    public static final String API_CONCURRENCY = "api-concurrency";
    public static final String CONCURRENT_CALLS = "concurrent-calls";

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("limit", limit);
        data.put("count", count);
        data.put("in_flight", inFlight);
        data.put("detail", detail);
        return data;
    }
}
