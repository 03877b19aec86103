package org.patchbay.core.store;

import java.util.Map;
import java.util.function.Predicate;

/**
 * What a listing asks for. {@code filter} alone decides which records match; {@code equal} (values of the
 * kind's list indexes) and {@code within} (ranges of its time fields) restate parts of it so that a store
 * can read only the records that may match instead of all of the account's.
 */
public record ListQuery<T>(Map<String, String> equal, Map<String, TimeRange> within, Predicate<? super T> filter, boolean exact) {

    public ListQuery {
        equal = Map.copyOf(equal);
        within = Map.copyOf(within);
    }

    /** A query whose terms restate part of the filter. */
    public ListQuery(Map<String, String> equal, Map<String, TimeRange> within, Predicate<? super T> filter) {
        this(equal, within, filter, false);
    }

    /**
     * A query whose terms say all that the filter says: a store whose set holds exactly the records of its one
     * term (or, with no term, the account's) may skip the offset by position instead of reading the records.
     */
    public static <T> ListQuery<T> exactly(Map<String, String> equal, Map<String, TimeRange> within, Predicate<? super T> filter) {
        return new ListQuery<>(equal, within, filter, true);
    }

    public static <T> ListQuery<T> of(Predicate<? super T> filter) {
        return new ListQuery<>(Map.of(), Map.of(), filter);
    }
}
