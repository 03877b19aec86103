package org.patchbay.server.api.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwilioDatesTest {
    private static final Instant MORNING = Instant.parse("2026-03-10T09:30:00Z");

    private static Predicate<Instant> filter(String query) {
        return TwilioDates.filter(FormDecoder.decode(query.getBytes(StandardCharsets.US_ASCII)), "StartTime");
    }

    @Test
    void writesRfc2822InGmt() {
        assertEquals("Tue, 24 Nov 2026 10:00:00 +0000", TwilioDates.format(Instant.parse("2026-11-24T10:00:00.987Z")));
        assertNull(TwilioDates.format(null));
    }

    @Test
    void aDateMeansTheWholeDayInclusively() {
        assertTrue(filter("StartTime=2026-03-10").test(MORNING));
        assertFalse(filter("StartTime=2026-03-11").test(MORNING));
        assertTrue(filter("StartTime%3C=2026-03-10").test(MORNING), "on or before that day");
        assertFalse(filter("StartTime%3C=2026-03-09").test(MORNING));
        assertTrue(filter("StartTime%3E=2026-03-10").test(MORNING), "on or after that day");
        assertFalse(filter("StartTime%3E=2026-03-11").test(MORNING));
        assertFalse(filter("StartTime=2026-03-10").test(null), "a call that never started matches no date filter");
        assertNull(filter("To=1"));
    }

    @Test
    void aDateAndTimeIsComparedToTheSecond() {
        assertTrue(filter("StartTime%3E=2026-03-10T09:30:00").test(MORNING));
        assertFalse(filter("StartTime%3E=2026-03-10T09:30:01").test(MORNING));
        assertTrue(filter("StartTime%3C=2026-03-10T09:30:00").test(MORNING.plusMillis(999)));
        assertFalse(filter("StartTime%3C=2026-03-10T09:29:59").test(MORNING));
        assertTrue(filter("StartTime%3E=2026-03-10T10:30:00%2B01:00").test(MORNING), "an offset is honoured");
        assertTrue(filter("StartTime%3E=2026-03-10T09:00:00Z&StartTime%3C=2026-03-10T10:00:00Z").test(MORNING));
    }

    @Test
    void refusesWhatIsNotADate() {
        assertThrows(RuntimeException.class, () -> filter("StartTime=2026-02-30"));
        assertThrows(RuntimeException.class, () -> filter("StartTime%3E=yesterday"));
        assertThrows(RuntimeException.class, () -> filter("StartTime%3C=2026-03-10T25:00:00"));
    }
}
