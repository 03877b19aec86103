package org.patchbay.core.store;

import io.vertx.core.Future;

/** Where Patchbay keeps its records: in memory (single node, sandbox) or in Redis (production). */
public interface Store {

    <T extends Resource> ResourceStore<T> of(ResourceKind<T> kind);

    /** A short name for logs and /health: {@code memory} or {@code redis}. */
    String name();

    /**
     * Drops the records past their kind's retention, with their index entries; completes with how many
     * it dropped. Stores without retention drop nothing.
     */
    default Future<Integer> sweep() {
        return Future.succeededFuture(0);
    }

    Future<Void> close();
}
