package org.patchbay.core.events.memory;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last sequence number given to each subject. A subject is forgotten once its last event is older than
 * the retention (no event of it is left to compare with), so the map holds only recently active subjects.
 */
final class SubjectSequences {
    private static final String NO_SUBJECT = "";

    /** In order of last use: the stalest subject comes first. */
    private final LinkedHashMap<String, Last> last = new LinkedHashMap<>(16, 0.75f, true);

    long next(String subject) {
        String key = subject == null ? NO_SUBJECT : subject;
        Last previous = last.get(key);
        long sequence = previous == null ? 1 : previous.sequence + 1;
        last.put(key, new Last(sequence, Instant.now()));
        return sequence;
    }

    void forgetBefore(Instant oldest) {
        Iterator<Map.Entry<String, Last>> stalest = last.entrySet().iterator();
        while (stalest.hasNext() && stalest.next().getValue().used.isBefore(oldest)) {
            stalest.remove();
        }
    }

    private record Last(long sequence, Instant used) {
    }
}
