package org.patchbay.server.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.core.events.EventLog;
import org.patchbay.core.events.EventRouter;
import org.patchbay.core.events.LocalEvents;
import org.patchbay.core.events.memory.MemoryEventLog;
import org.patchbay.server.config.PatchbayConfig;

import java.util.List;
import java.util.function.Supplier;

/**
 * Builds the event router of one Patchbay: its log (in memory, or Redis Streams shared by the cluster) and
 * everything that reads from it. What it starts is stopped through {@code closers}.
 */
public final class EventWiring {

    private EventWiring() {
    }

    public static EventRouter router(Vertx vertx, PatchbayConfig config, String node, List<Supplier<Future<?>>> closers) {
        EventSettings settings = EventSettings.from(config.settings());
        EventLog log = new MemoryEventLog(vertx, settings.memoryCapacity(), settings.retention());
        closers.add(log::close);
        return new EventRouter(log, new LocalEvents(vertx), node);
    }
}
