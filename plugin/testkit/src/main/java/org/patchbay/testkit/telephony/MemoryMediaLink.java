package org.patchbay.testkit.telephony;

import io.vertx.core.buffer.Buffer;
import org.patchbay.core.telephony.MediaLink;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An external media channel's audio on the memory PBX: what Patchbay sends is kept for the test, which plays the
 * caller's side with {@link #fromCaller}. Marks are reported at once (the memory PBX plays nothing for real);
 * closing the link hangs its channel up, as closing chan_websocket's media socket does.
 */
public final class MemoryMediaLink implements MediaLink {
    private final MemoryTelephony pbx;
    private final MemoryCall channel;
    private final List<Buffer> sent = new CopyOnWriteArrayList<>();
    private volatile Listener listener;
    private volatile boolean closed;

    MemoryMediaLink(MemoryTelephony pbx, MemoryCall channel) {
        this.pbx = pbx;
        this.channel = channel;
    }

    /** A frame of the caller's audio reaches Patchbay, on the PBX's context. */
    public void fromCaller(Buffer ulaw) {
        pbx.later(() -> {
            if (!closed && listener != null) {
                listener.audio(ulaw);
            }
        });
    }

    /** What Patchbay sent to be played, in order. */
    public List<Buffer> sent() {
        return List.copyOf(sent);
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public String channelId() {
        return channel.channelId();
    }

    @Override
    public void send(Buffer ulaw) {
        sent.add(ulaw);
    }

    @Override
    public void mark(String id) {
        pbx.later(() -> {
            if (!closed && listener != null) {
                listener.markPlayed(id);
            }
        });
    }

    @Override
    public void flush() {
    }

    @Override
    public void listen(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pbx.later(() -> {
            channel.hungUpByPatchbay();
            if (listener != null) {
                listener.closed();
            }
        });
    }
}
