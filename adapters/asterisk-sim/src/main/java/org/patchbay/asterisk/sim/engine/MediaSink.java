package org.patchbay.asterisk.sim.engine;

/** The app's end of a media WebSocket, as the engine sees it (the ari package adapts a Vert.x socket). */
public interface MediaSink {
    void sendText(String text);

    void sendBinary(byte[] frame);

    /** True while the socket's write queue is full: Asterisk's frames are then dropped, never queued without end. */
    boolean writeQueueFull();

    void close(short code);
}
