package org.patchbay.core.events.delivery;

import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.sink.Sink;

import java.util.List;

/**
 * Told how each delivery to a sink went, for the meters and the dashboard. Called on the delivering
 * context; it must not block.
 */
public interface DeliveryObserver {
    /** The sink took the events; lag is from the oldest event's time to now. */
    void delivered(Sink sink, List<RoutedEvent> events, long lagMillis);

    /** One attempt failed; another may follow. */
    void failed(Sink sink, Throwable cause);

    /** The events were given up after the retry period. */
    void dropped(Sink sink, int events);

    static DeliveryObserver none() {
        return new DeliveryObserver() {
            @Override
            public void delivered(Sink sink, List<RoutedEvent> events, long lagMillis) {
            }

            @Override
            public void failed(Sink sink, Throwable cause) {
            }

            @Override
            public void dropped(Sink sink, int events) {
            }
        };
    }

    /** Tells each observer in turn. */
    static DeliveryObserver all(List<DeliveryObserver> observers) {
        return new DeliveryObserver() {
            @Override
            public void delivered(Sink sink, List<RoutedEvent> events, long lagMillis) {
                observers.forEach(o -> o.delivered(sink, events, lagMillis));
            }

            @Override
            public void failed(Sink sink, Throwable cause) {
                observers.forEach(o -> o.failed(sink, cause));
            }

            @Override
            public void dropped(Sink sink, int events) {
                observers.forEach(o -> o.dropped(sink, events));
            }
        };
    }
}
