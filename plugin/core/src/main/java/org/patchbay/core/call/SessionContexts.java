package org.patchbay.core.call;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event-loop contexts call sessions run on, handed out round robin: a session stays on one
 * context for its whole life (no locks), and calls spread over the machine's cores.
 */
public final class SessionContexts {
    private final List<Context> contexts;
    private final AtomicInteger next = new AtomicInteger();

    private SessionContexts(List<Context> contexts) {
        this.contexts = contexts;
    }

    public static Future<SessionContexts> create(Vertx vertx, int count) {
        List<Context> captured = new CopyOnWriteArrayList<>();
        return vertx.deployVerticle(() -> new VerticleBase() {
                    @Override
                    public Future<?> start() {
                        captured.add(context);
                        return Future.succeededFuture();
                    }
                }, new DeploymentOptions().setInstances(Math.max(1, count)))
                .map(id -> new SessionContexts(List.copyOf(captured)));
    }

    public Context next() {
        return contexts.get(Math.floorMod(next.getAndIncrement(), contexts.size()));
    }

    public int size() {
        return contexts.size();
    }
}
