package org.patchbay.core.call.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The app's marks waiting for their audio to play. The PBX gets short ids of Patchbay's own ({@code m1},
 * {@code m2}, …), so any mark name the app chose, spaces included, survives a text command; the PBX reports
 * them in order. At most {@value #MAX_PENDING} wait: an app that sends marks without audio cannot grow it.
 */
final class MarkLedger {
    static final int MAX_PENDING = 10_000;

    private final Map<String, String> namesById = new LinkedHashMap<>();
    private long next;

    /** The id to hand the PBX, or null when too many marks are waiting already. */
    String add(String name) {
        if (namesById.size() >= MAX_PENDING) {
            return null;
        }
        String id = "m" + (++next);
        namesById.put(id, name);
        return id;
    }

    /** The name of the mark whose audio has played, or null for an id no longer waiting. */
    String played(String id) {
        return namesById.remove(id);
    }

    /** Every waiting mark's name, in order, forgetting them: {@code clear} answers them at once, as Twilio does. */
    List<String> drain() {
        List<String> names = new ArrayList<>(namesById.values());
        namesById.clear();
        return names;
    }
}
