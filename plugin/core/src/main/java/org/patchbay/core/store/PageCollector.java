package org.patchbay.core.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one page from matching records offered newest first: skips {@code offset} of them, keeps
 * {@code limit}, and knows there is a next page when one more is offered. Every store pages this way.
 */
public final class PageCollector<T> {
    private final int offset;
    private final int limit;
    private final List<T> items;
    private int skipped;
    private boolean hasMore;

    public PageCollector(int offset, int limit) {
        this.offset = offset;
        this.limit = limit;
        this.items = new ArrayList<>(Math.min(limit, 256));
    }

    /** Offers the next matching record; false once the page is full and a further match proved {@code hasMore}. */
    public boolean offer(T record) {
        if (skipped < offset) {
            skipped++;
        } else if (items.size() < limit) {
            items.add(record);
        } else {
            hasMore = true;
            return false;
        }
        return true;
    }

    public Page<T> page() {
        return new Page<>(items, offset, limit, hasMore);
    }
}
