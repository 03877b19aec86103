package org.patchbay.server.api.calls;

import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.TwilioDates;

import org.patchbay.core.store.ListQuery;
import org.patchbay.core.store.TimeRange;

import java.util.HashMap;
import java.util.Map;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The filters of {@code GET /Calls}: exact To, From, ParentCallSid and Status, and start and end dates. */
final class CallFilters {
    static final List<String> NAMES = List.of("To", "From", "ParentCallSid", "Status",
            "StartTime", "StartTime<", "StartTime>", "EndTime", "EndTime<", "EndTime>");
    private static final Set<String> STATUSES = Arrays.stream(CallStatus.values()).map(CallStatus::wire).collect(Collectors.toSet());

    private CallFilters() {
    }

    /**
     * The listing the filters ask for: the predicate decides, and the same terms, restated for the store's
     * list indexes, let it read only the calls that may match.
     */
    static ListQuery<CallRecord> query(Params params) {
        String to = params.text("To", PartyAddress.MAX_LENGTH);
        String from = params.text("From", PartyAddress.MAX_LENGTH);
        String parent = params.text("ParentCallSid", 34);
        String status = params.choice("Status", STATUSES);
        TimeRange started = TwilioDates.range(params, "StartTime");
        TimeRange ended = TwilioDates.range(params, "EndTime");
        Predicate<CallRecord> filter = call -> (to == null || to.equals(call.to()))
                && (from == null || from.equals(call.from()))
                && (parent == null || parent.equals(call.parentCallSid()))
                && (status == null || call.status() != null && status.equals(call.status().wire()))
                && (started == null || started.contains(call.startTime()))
                && (ended == null || ended.contains(call.endTime()));
        Map<String, String> equal = new HashMap<>();
        putIfSet(equal, "to", to);
        putIfSet(equal, "from", from);
        putIfSet(equal, "parentCallSid", parent);
        putIfSet(equal, "status", status);
        Map<String, TimeRange> within = new HashMap<>();
        if (started != null) {
            within.put("startTime", started);
        }
        if (ended != null) {
            within.put("endTime", ended);
        }
        return ListQuery.exactly(equal, within, filter);
    }

    private static void putIfSet(Map<String, String> terms, String field, String value) {
        if (value != null) {
            terms.put(field, value);
        }
    }
}
