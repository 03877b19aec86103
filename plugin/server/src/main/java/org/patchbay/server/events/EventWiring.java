package org.patchbay.server.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.adapters.events.AmqpTransport;
import org.patchbay.adapters.events.CloudEventsEncoding;
import org.patchbay.adapters.http.events.WebhookTransport;
import org.patchbay.adapters.redis.events.ReaderTiming;
import org.patchbay.adapters.redis.events.RedisEventLog;
import org.patchbay.adapters.redis.events.RedisStreamTransport;
import org.patchbay.core.events.EventCatalog;
import org.patchbay.core.events.EventLog;
import org.patchbay.core.events.EventRouter;
import org.patchbay.core.events.LocalEvents;
import org.patchbay.core.events.delivery.DeliveryObserver;
import org.patchbay.core.events.delivery.SinkRouter;
import org.patchbay.core.events.delivery.SinkStats;
import org.patchbay.core.events.delivery.SinkTransport;
import org.patchbay.core.events.memory.MemoryEventLog;
import org.patchbay.core.events.sink.SinkType;
import org.patchbay.core.notification.Notifications;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.events.EventStreamsPorts;
import org.patchbay.server.config.OutboundSettings;
import org.patchbay.server.http.AccountOutbound;
import org.patchbay.server.config.PatchbayConfig;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The event router of one Patchbay: its log (in memory, or Redis Streams shared by the cluster), the CloudEvents
 * encoding, and delivery to sinks. What it starts is stopped through {@code closers}.
 */
public final class EventWiring {
    private final EventRouter router;
    private final CloudEventsEncoding encoding;
    private final SinkRouter sinks;
    private final SinkStats sinkStats;

    private EventWiring(EventRouter router, CloudEventsEncoding encoding, SinkRouter sinks, SinkStats sinkStats) {
        this.router = router;
        this.encoding = encoding;
        this.sinkStats = sinkStats;
        this.sinks = sinks;
    }

    /** @param deliveries told of every delivery to a sink, beside this node's {@link #sinkStats()} */
    public static EventWiring start(Vertx vertx, PatchbayConfig config, String node, Store store, String publicUrl,
                                    DeliveryObserver deliveries, List<Supplier<Future<?>>> closers) {
        EventSettings settings = EventSettings.from(config.settings());
        EventLog log = config.redisUrl() == null
                ? new MemoryEventLog(vertx, settings.memoryCapacity(), settings.retention())
                : new RedisEventLog(vertx, config.redisUrl(), config.redisPrefix(), node, settings.partitions(),
                        settings.retention(), ReaderTiming.DEFAULT);
        closers.add(log::close);
        EventRouter router = new EventRouter(log, new LocalEvents(vertx), node);
        CloudEventsEncoding encoding = new CloudEventsEncoding(publicUrl, EventCatalog.platform());
        Map<SinkType, SinkTransport> transports = new EnumMap<>(SinkType.class);
        transports.put(SinkType.WEBHOOK, new WebhookTransport(vertx, encoding, settings.sinkTimeout(),
                OutboundSettings.policy(config.settings()), new AccountOutbound(store)));
        transports.put(SinkType.AMQP, new AmqpTransport(vertx, encoding, settings.sinkTimeout()));
        if (config.redisUrl() != null) {
            transports.put(SinkType.REDIS_STREAM, new RedisStreamTransport(vertx, config.redisUrl(), encoding));
        }
        transports.values().forEach(transport -> closers.add(transport::close));
        SinkStats stats = new SinkStats();
        SinkRouter sinks = new SinkRouter(vertx, store, router, new Notifications(store, router), transports,
                settings.delivery(), node, DeliveryObserver.all(List.of(stats, deliveries)));
        sinks.start();
        closers.add(sinks::stop);
        return new EventWiring(router, encoding, sinks, stats);
    }

    public EventRouter router() {
        return router;
    }

    /** How delivery to each sink has gone on this node. */
    public SinkStats sinkStats() {
        return sinkStats;
    }

    public CloudEventsEncoding encoding() {
        return encoding;
    }

    /** Mounts {@code GET /v1/Events/Stream} (the API dispatcher leaves that path alone). */
    public void mount(io.vertx.ext.web.Router httpRouter, Store store) {
        new EventStreamRoute(store, router.log(), encoding).mount(httpRouter);
    }

    /** What the Event Streams API needs of the router: Test, and word of changed sinks. */
    public EventStreamsPorts ports() {
        return new EventStreamsPorts(sinks, sinks);
    }
}
