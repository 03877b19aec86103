package org.patchbay.core.call.stream;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.stream.StreamSocket;

import java.util.ArrayList;
import java.util.List;

/** The app's end of a Media Stream in memory: what Patchbay sent, and the app's messages and close on demand. */
final class FakeStreamSocket implements StreamSocket {
    final List<String> sent = new ArrayList<>();
    boolean full;
    boolean closed;
    Handler<String> text;
    Handler<Void> close;
    Handler<Void> drain;

    JsonObject json(int index) {
        return new JsonObject(sent.get(index));
    }

    List<String> marks() {
        return sent.stream().map(JsonObject::new).filter(m -> "mark".equals(m.getString("event")))
                .map(m -> m.getJsonObject("mark").getString("name")).toList();
    }

    void fromApp(String message) {
        text.handle(message);
    }

    @Override
    public void send(String message) {
        sent.add(message);
    }

    @Override
    public boolean writeQueueFull() {
        return full;
    }

    @Override
    public void drainHandler(Handler<Void> handler) {
        drain = handler;
    }

    @Override
    public void textHandler(Handler<String> handler) {
        text = handler;
    }

    @Override
    public void closeHandler(Handler<Void> handler) {
        close = handler;
    }

    @Override
    public void close() {
        closed = true;
    }
}
