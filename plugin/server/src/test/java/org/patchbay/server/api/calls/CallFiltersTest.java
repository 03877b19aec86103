package org.patchbay.server.api.calls;

import org.junit.jupiter.api.Test;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.store.ListQuery;
import org.patchbay.core.store.TimeRange;
import org.patchbay.server.api.http.FormDecoder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every filter of GET /Calls reaches the store as a term of the call kind's list indexes, not only as a predicate. */
class CallFiltersTest {

    private static ListQuery<CallRecord> query(String form) {
        return CallFilters.query(FormDecoder.decode(form.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void equalityFiltersAndDateRangesBecomeIndexTerms() {
        ListQuery<CallRecord> query = query("To=%2B15550001&From=%2B15550002&Status=busy&ParentCallSid=CA" + "1".repeat(32)
                + "&StartTime%3E=2026-11-02&EndTime%3C=2026-11-03");
        assertEquals(Map.of("to", "+15550001", "from", "+15550002", "status", "busy", "parentCallSid", "CA" + "1".repeat(32)),
                query.equal());
        assertEquals(Map.of("startTime", new TimeRange(Instant.parse("2026-11-02T00:00:00Z"), null),
                "endTime", new TimeRange(null, Instant.parse("2026-11-04T00:00:00Z"))), query.within());
        assertTrue(CallRecord.KIND.listIndexes().keySet().containsAll(query.equal().keySet()));
        assertTrue(CallRecord.KIND.timeFields().keySet().containsAll(query.within().keySet()));
        assertTrue(query.exact(), "the terms are the whole filter");
    }

    @Test
    void noFilterIsAnExactQueryWithNoTerms() {
        ListQuery<CallRecord> query = query("PageSize=50");
        assertEquals(Map.of(), query.equal());
        assertEquals(Map.of(), query.within());
        assertTrue(query.exact());
    }
}
