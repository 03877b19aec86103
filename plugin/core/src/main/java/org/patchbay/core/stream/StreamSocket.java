package org.patchbay.core.stream;

import io.vertx.core.Handler;

/** An open WebSocket to an application: text messages both ways. Handlers run on the connecting context. */
public interface StreamSocket {

    void send(String text);

    /** True while more is queued for the application than the transport's limit: it is not reading. */
    boolean writeQueueFull();

    /** Called once what was queued has gone out after {@link #writeQueueFull} was true. */
    void drainHandler(Handler<Void> handler);

    void textHandler(Handler<String> handler);

    /** Called once when the socket is closed, by either side or by a failure. */
    void closeHandler(Handler<Void> handler);

    /** Closes with a normal close (1000), or does nothing if closed already. */
    void close();
}
