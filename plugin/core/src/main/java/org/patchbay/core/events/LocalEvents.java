package org.patchbay.core.events;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Hands every event to listeners in this process on the Vert.x event bus at {@link #ADDRESS} (the
 * transcript of {@code patchbay simulate}, tests, per-node views). Events never leave the process this
 * way: other nodes see them through the event router's log.
 */
public final class LocalEvents implements EventPublisher {
    public static final String ADDRESS = "patchbay.events";

    private static final String CODEC = "patchbay-platform-event";
    private static final DeliveryOptions IN_PROCESS = new DeliveryOptions().setCodecName(CODEC).setLocalOnly(true);

    private final Vertx vertx;

    public LocalEvents(Vertx vertx) {
        this.vertx = vertx;
        registerCodec(vertx);
    }

    @Override
    public void publish(PlatformEvent event) {
        vertx.eventBus().publish(ADDRESS, event, IN_PROCESS);
    }

    private static void registerCodec(Vertx vertx) {
        try {
            vertx.eventBus().registerCodec(new InProcess());
        } catch (IllegalStateException alreadyRegistered) {
            // another Patchbay in this Vert.x instance registered it first: the same codec serves both
        }
    }

    /** The event object itself is handed over (one codec for every kind, named per message): it is immutable. */
    private static final class InProcess implements MessageCodec<PlatformEvent, PlatformEvent> {
        @Override
        public void encodeToWire(Buffer buffer, PlatformEvent event) {
            throw new UnsupportedOperationException("platform events are not sent across a clustered event bus");
        }

        @Override
        public PlatformEvent decodeFromWire(int pos, Buffer buffer) {
            throw new UnsupportedOperationException("platform events are not sent across a clustered event bus");
        }

        @Override
        public PlatformEvent transform(PlatformEvent event) {
            return event;
        }

        @Override
        public String name() {
            return CODEC;
        }

        @Override
        public byte systemCodecID() {
            return -1;
        }
    }
}
