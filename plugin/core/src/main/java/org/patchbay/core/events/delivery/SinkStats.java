package org.patchbay.core.events.delivery;

import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.sink.Sink;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How delivery to each sink has gone on this node since it started: what the dashboard's sink panel
 * shows beside the sinks themselves. Every node delivers its own share of the events, so these are
 * one node's figures.
 */
public final class SinkStats implements DeliveryObserver {
    /** One sink's figures as they stand. */
    public record Standing(long delivered, long failedAttempts, long dropped, long lastLagMillis, Instant lastDelivered,
                           String lastFailure) {
        static final Standing NONE = new Standing(0, 0, 0, -1, null, null);
    }

    private final Map<String, Standing> bySink = new ConcurrentHashMap<>();

    @Override
    public void delivered(Sink sink, List<RoutedEvent> events, long lagMillis) {
        Instant now = Instant.now();
        bySink.merge(sink.sid(), new Standing(events.size(), 0, 0, lagMillis, now, null), (was, first) -> new Standing(
                was.delivered() + events.size(), was.failedAttempts(), was.dropped(), lagMillis, now, was.lastFailure()));
    }

    @Override
    public void failed(Sink sink, Throwable cause) {
        bySink.merge(sink.sid(), new Standing(0, 1, 0, -1, null, cause.getMessage()), (was, now) -> new Standing(was.delivered(),
                was.failedAttempts() + 1, was.dropped(), was.lastLagMillis(), was.lastDelivered(), cause.getMessage()));
    }

    @Override
    public void dropped(Sink sink, int events) {
        bySink.merge(sink.sid(), new Standing(0, 0, events, -1, null, null), (was, now) -> new Standing(was.delivered(),
                was.failedAttempts(), was.dropped() + events, was.lastLagMillis(), was.lastDelivered(), was.lastFailure()));
    }

    public Standing of(String sinkSid) {
        return bySink.getOrDefault(sinkSid, Standing.NONE);
    }
}
