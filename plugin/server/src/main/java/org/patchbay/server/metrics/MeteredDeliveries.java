package org.patchbay.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.delivery.DeliveryObserver;
import org.patchbay.core.events.sink.Sink;

import java.time.Duration;
import java.util.List;

/** Event deliveries to sinks as meters: events delivered, attempts failed, events dropped, lag, per sink. */
final class MeteredDeliveries implements DeliveryObserver {
    private final MeterRegistry registry;

    MeteredDeliveries(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void delivered(Sink sink, List<RoutedEvent> events, long lagMillis) {
        deliveries(sink, "delivered").increment(events.size());
        Timer.builder("patchbay.event.delivery.lag").description("from an event's time to its sink taking it")
                .tag("sink", sink.sid()).tag("sink_type", sink.sinkType().wireName())
                .register(registry).record(Duration.ofMillis(lagMillis));
    }

    @Override
    public void failed(Sink sink, Throwable cause) {
        deliveries(sink, "failed").increment();
    }

    @Override
    public void dropped(Sink sink, int events) {
        Counter.builder("patchbay.event.drops").description("events given up after the retry period")
                .tag("sink", sink.sid()).tag("sink_type", sink.sinkType().wireName()).register(registry).increment(events);
    }

    /** Counts events for {@code delivered}, attempts for {@code failed}. */
    private Counter deliveries(Sink sink, String outcome) {
        return Counter.builder("patchbay.event.deliveries").description("events delivered to sinks, and failed attempts")
                .tag("sink", sink.sid()).tag("sink_type", sink.sinkType().wireName()).tag("outcome", outcome)
                .register(registry);
    }
}
