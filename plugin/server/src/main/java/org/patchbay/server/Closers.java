package org.patchbay.server;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Supplier;

/** What stops the parts Patchbay started: each in turn, newest first, and one that fails does not keep the rest running. */
final class Closers {
    private static final Logger LOG = LoggerFactory.getLogger(Closers.class);

    private Closers() {
    }

    static Future<Void> closeNewestFirst(List<Supplier<Future<?>>> closers) {
        Future<Void> chain = Future.succeededFuture();
        for (int i = closers.size() - 1; i >= 0; i--) {
            Supplier<Future<?>> closer = closers.get(i);
            chain = chain.transform(ignored -> closer.get().<Void>mapEmpty().recover(e -> {
                LOG.warn("while stopping: {}", e.getMessage());
                return Future.succeededFuture();
            }));
        }
        closers.clear();
        return chain;
    }
}
