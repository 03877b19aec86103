package org.patchbay.core.presence;

import io.vertx.core.Future;
import io.vertx.core.Handler;

import java.util.Map;

/**
 * Messages to a registered client's socket, wherever it is: the node that rings a device is often
 * not the node holding its WebSocket.
 */
public interface DeviceSignals {

    /** A message for one device's socket. */
    record Signal(String accountSid, String identity, String device, Map<String, Object> message) {
    }

    /** Hands the signal to {@code node}; never fails the caller (a vanished node simply misses it). */
    void send(String node, Signal signal);

    /** Takes the signals sent to this node. */
    void receive(Handler<Signal> handler);

    Future<Void> close();

    /** A single node: every signal is for this node's own sockets. */
    static DeviceSignals local() {
        return new DeviceSignals() {
            private Handler<Signal> handler = signal -> { };

            @Override
            public void send(String node, Signal signal) {
                handler.handle(signal);
            }

            @Override
            public void receive(Handler<Signal> newHandler) {
                handler = newHandler;
            }

            @Override
            public Future<Void> close() {
                return Future.succeededFuture();
            }
        };
    }
}
