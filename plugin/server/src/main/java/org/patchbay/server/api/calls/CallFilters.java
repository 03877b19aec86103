package org.patchbay.server.api.calls;

import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.TwilioDates;

import java.time.Instant;
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

    static Predicate<CallRecord> from(Params params) {
        String to = params.text("To", PartyAddress.MAX_LENGTH);
        String from = params.text("From", PartyAddress.MAX_LENGTH);
        String parent = params.text("ParentCallSid", 34);
        String status = params.choice("Status", STATUSES);
        Predicate<Instant> started = TwilioDates.filter(params, "StartTime");
        Predicate<Instant> ended = TwilioDates.filter(params, "EndTime");
        return call -> (to == null || to.equals(call.to()))
                && (from == null || from.equals(call.from()))
                && (parent == null || parent.equals(call.parentCallSid()))
                && (status == null || call.status() != null && status.equals(call.status().wire()))
                && (started == null || started.test(call.startTime()))
                && (ended == null || ended.test(call.endTime()));
    }
}
