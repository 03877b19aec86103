package org.patchbay.core.store;

import io.vertx.core.Future;

/** Where Patchbay keeps its records: in memory (single node, sandbox) or in Redis (production). */
public interface Store {

    <T extends Resource> ResourceStore<T> of(ResourceKind<T> kind);

    /** A short name for logs and /health: {@code memory} or {@code redis}. */
    String name();

    Future<Void> close();
}
