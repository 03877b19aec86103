package org.patchbay.core.store;

import java.util.Map;
import java.util.function.Function;

/**
 * One kind of stored record: its name (the key space in Redis), its Java type, and its unique
 * secondary indexes (for example a phone number to its IncomingPhoneNumber), which are global,
 * not per account.
 */
public record ResourceKind<T extends Resource>(String name, Class<T> type, Map<String, Function<T, String>> uniqueIndexes) {

    public static <T extends Resource> ResourceKind<T> of(String name, Class<T> type) {
        return new ResourceKind<>(name, type, Map.of());
    }

    public static <T extends Resource> ResourceKind<T> of(String name, Class<T> type, String index, Function<T, String> key) {
        return new ResourceKind<>(name, type, Map.of(index, key));
    }
}
