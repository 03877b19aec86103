package org.patchbay.core.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One kind of stored record: its name (the key space in Redis), its Java type, and its unique
 * secondary indexes (for example a phone number to its IncomingPhoneNumber), which are global,
 * not per account.
 *
 * @param listIndexes fields a listing may filter on by equality (per account, newest first): a store may keep
 *                    the account's records by each value so that a filtered listing need not walk them all
 * @param timeFields  times a listing may filter on by range ({@link ListQuery#within}); each is never earlier
 *                    than the record's creation, which lets a store bound the walk by creation time
 */
public record ResourceKind<T extends Resource>(String name, Class<T> type, Map<String, Function<T, String>> uniqueIndexes,
                                               Map<String, Function<T, String>> listIndexes,
                                               Map<String, Function<T, Instant>> timeFields) {

    public ResourceKind(String name, Class<T> type, Map<String, Function<T, String>> uniqueIndexes) {
        this(name, type, uniqueIndexes, Map.of(), Map.of());
    }

    public static <T extends Resource> ResourceKind<T> of(String name, Class<T> type) {
        return new ResourceKind<>(name, type, Map.of());
    }

    public static <T extends Resource> ResourceKind<T> of(String name, Class<T> type, String index, Function<T, String> key) {
        return new ResourceKind<>(name, type, Map.of(index, key));
    }

    /** The same kind, listable by {@code field} (an exact value; null values are not indexed). */
    public ResourceKind<T> withListIndex(String field, Function<T, String> value) {
        Map<String, Function<T, String>> more = new LinkedHashMap<>(listIndexes);
        more.put(field, value);
        return new ResourceKind<>(name, type, uniqueIndexes, Map.copyOf(more), timeFields);
    }

    /** The same kind, with {@code field} a time listings may range over. */
    public ResourceKind<T> withTimeField(String field, Function<T, Instant> value) {
        Map<String, Function<T, Instant>> more = new LinkedHashMap<>(timeFields);
        more.put(field, value);
        return new ResourceKind<>(name, type, uniqueIndexes, listIndexes, Map.copyOf(more));
    }
}
