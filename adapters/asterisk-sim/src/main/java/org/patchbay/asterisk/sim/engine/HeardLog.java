package org.patchbay.asterisk.sim.engine;

import org.patchbay.asterisk.sim.HeardEntry;

import java.util.ArrayList;
import java.util.List;

/** What the far end of one call heard; entries are updated in place as media ends. */
final class HeardLog {

    static final class Item {
        private final String kind;
        private final String detail;
        private final long atMillis;
        private String outcome;

        private Item(String kind, String detail, String outcome, long atMillis) {
            this.kind = kind;
            this.detail = detail;
            this.outcome = outcome;
            this.atMillis = atMillis;
        }

        void finish(String newOutcome) {
            if ("playing".equals(outcome)) {
                outcome = newOutcome;
            }
        }
    }

    private final List<Item> items = new ArrayList<>();

    Item add(String kind, String detail, String outcome, long atMillis) {
        Item item = new Item(kind, detail, outcome, atMillis);
        items.add(item);
        return item;
    }

    List<HeardEntry> entries() {
        List<HeardEntry> out = new ArrayList<>(items.size());
        for (Item item : items) {
            out.add(new HeardEntry(item.kind, item.detail, item.outcome, item.atMillis));
        }
        return out;
    }
}
