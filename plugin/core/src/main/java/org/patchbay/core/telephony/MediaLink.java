package org.patchbay.core.telephony;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;

/**
 * The audio of an external media channel, open: µ-law 8 kHz in 20 ms frames both ways. The PBX queues what is
 * sent and plays it at real time; a mark placed after some audio is reported once that audio has played.
 * Handlers run on the Vert.x context that opened the link.
 */
public interface MediaLink {

    /** The external media channel (a Stasis channel: bridge it with the call to carry its audio). */
    String channelId();

    /** Audio to play into the channel's bridge, queued after what was sent before. */
    void send(Buffer ulaw);

    /** A mark after the audio sent so far; {@link Listener#markPlayed} reports it once that audio has played. */
    void mark(String id);

    /** Drops the audio queued and the marks between it (they are never reported). */
    void flush();

    void listen(Listener listener);

    /** Closes the media socket, which hangs the external media channel up. */
    void close();

    interface Listener {
        /** A frame of audio from the bridge (the caller), as it arrives. */
        void audio(Buffer ulaw);

        void markPlayed(String id);

        /** The PBX's queue is over its high level ({@code true}) or back under its low level ({@code false}). */
        void queueFull(boolean full);

        /** The link is gone (the channel hung up or the socket dropped); nothing more comes. */
        void closed();
    }
}
