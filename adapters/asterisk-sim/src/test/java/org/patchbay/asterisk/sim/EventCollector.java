package org.patchbay.asterisk.sim;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** An ARI events WebSocket for one app, keeping every event with its arrival time. */
final class EventCollector implements AutoCloseable {

    record Received(JsonObject event, long receivedNanos) {
        String type() {
            return event.getString("type");
        }
    }

    private final List<Received> received = new ArrayList<>();
    private final WebSocketClient client;
    private final WebSocket socket;
    private final Promise<Void> closed = Promise.promise();

    private EventCollector(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
        socket.textMessageHandler(text -> {
            synchronized (received) {
                received.add(new Received(new JsonObject(text), System.nanoTime()));
                received.notifyAll();
            }
        });
        socket.closeHandler(ignored -> closed.tryComplete());
    }

    static EventCollector connect(Vertx vertx, int port, String app) {
        return connectAsync(vertx, port, app).await();
    }

    static Future<EventCollector> connectAsync(Vertx vertx, int port, String app) {
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI("/ari/events?app=" + app + "&subscribeAll=false&api_key=ari:ari");
        return client.connect(options).map(socket -> new EventCollector(client, socket))
                .onFailure(ignored -> client.close());
    }

    List<Received> all() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    List<JsonObject> events() {
        return all().stream().map(Received::event).toList();
    }

    /** Waits until {@code count} events match, and returns them. */
    List<JsonObject> await(Predicate<JsonObject> matching, int count, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (received) {
            while (true) {
                List<JsonObject> found = received.stream().map(Received::event).filter(matching).toList();
                if (found.size() >= count) {
                    return found;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " matching events, got " + found.size()
                            + "; all events: " + received.stream().map(Received::event).toList());
                }
                waitNanos(left);
            }
        }
    }

    JsonObject awaitOne(String type, long timeoutMillis) {
        List<JsonObject> found = await(event -> type.equals(event.getString("type")), 1, timeoutMillis);
        return found.get(found.size() - 1);
    }

    /** Blocks until a new event arrives or the time runs out; callers re-check their condition. */
    void waitForMore(long nanos) {
        synchronized (received) {
            waitNanos(nanos);
        }
    }

    Future<Void> closed() {
        return closed.future();
    }

    @Override
    public void close() {
        socket.close().await();
        client.close();
    }

    private void waitNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(received, Math.max(1, Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(50))));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }
}
