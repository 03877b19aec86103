package org.patchbay.testkit.stream;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.stream.StreamSocket;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One app's end of a Media Stream in memory: it keeps every message Patchbay sent, and the test sends messages or
 * closes as the app, on the context that connected (where Patchbay expects its handlers to run).
 */
public final class MemoryStreamSocket implements StreamSocket {
    private final Context context;
    private final String url;
    private final Map<String, String> headers;
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private Handler<String> textHandler = text -> { };
    private Handler<Void> closeHandler = v -> { };
    private volatile boolean closed;

    MemoryStreamSocket(Context context, String url, Map<String, String> headers) {
        this.context = context;
        this.url = url;
        this.headers = Map.copyOf(headers);
    }

    public String url() {
        return url;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Every message Patchbay sent, in order. */
    public List<JsonObject> received() {
        return List.copyOf(received);
    }

    /** The {@code event} of each message Patchbay sent, in order. */
    public List<String> events() {
        return received.stream().map(message -> message.getString("event")).toList();
    }

    public boolean closed() {
        return closed;
    }

    /** The app sends a message. */
    public void appSends(JsonObject message) {
        context.runOnContext(v -> {
            if (!closed) {
                textHandler.handle(message.encode());
            }
        });
    }

    /** The app closes its socket. */
    public void appCloses() {
        context.runOnContext(v -> close());
    }

    @Override
    public void send(String text) {
        if (!closed) {
            received.add(new JsonObject(text));
        }
    }

    @Override
    public boolean writeQueueFull() {
        return false;
    }

    @Override
    public void drainHandler(Handler<Void> handler) {
    }

    @Override
    public void textHandler(Handler<String> handler) {
        this.textHandler = handler;
    }

    @Override
    public void closeHandler(Handler<Void> handler) {
        this.closeHandler = handler;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeHandler.handle(null);
        }
    }
}
