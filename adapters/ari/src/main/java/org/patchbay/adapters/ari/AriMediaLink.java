package org.patchbay.adapters.ari;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import org.patchbay.core.telephony.MediaLink;

/**
 * A {@link MediaLink} over chan_websocket's media socket: binary frames are audio both ways; the text commands
 * {@code MARK_MEDIA <id>} and {@code FLUSH_MEDIA} go out, {@code MEDIA_MARK_PROCESSED <id>},
 * {@code MEDIA_XOFF} and {@code MEDIA_XON} come back (plain-text control format, as captured).
 */
final class AriMediaLink implements MediaLink {
    private static final Listener NOBODY = new Listener() {
        @Override
        public void audio(Buffer ulaw) {
        }

        @Override
        public void markPlayed(String id) {
        }

        @Override
        public void queueFull(boolean full) {
        }

        @Override
        public void closed() {
        }
    };

    private final String channelId;
    private final WebSocket socket;
    private Listener listener = NOBODY;
    private boolean closed;

    AriMediaLink(String channelId, WebSocket socket) {
        this.channelId = channelId;
        this.socket = socket;
        socket.binaryMessageHandler(frame -> listener.audio(frame));
        socket.textMessageHandler(this::control);
        socket.closeHandler(gone -> {
            closed = true;
            listener.closed();
        });
        socket.exceptionHandler(failure -> socket.close());
    }

    @Override
    public String channelId() {
        return channelId;
    }

    @Override
    public void send(Buffer ulaw) {
        if (!closed) {
            socket.writeBinaryMessage(ulaw);
        }
    }

    @Override
    public void mark(String id) {
        command("MARK_MEDIA " + id);
    }

    @Override
    public void flush() {
        command("FLUSH_MEDIA");
    }

    @Override
    public void listen(Listener newListener) {
        listener = newListener == null ? NOBODY : newListener;
    }

    /** Asterisk answers the close by hanging the channel up (cause 16), as captured. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            socket.close();
        }
    }

    private void command(String text) {
        if (!closed) {
            socket.writeTextMessage(text);
        }
    }

    private void control(String text) {
        if (text.startsWith("MEDIA_MARK_PROCESSED ")) {
            listener.markPlayed(text.substring("MEDIA_MARK_PROCESSED ".length()).strip());
        } else if (text.equals("MEDIA_XOFF")) {
            listener.queueFull(true);
        } else if (text.equals("MEDIA_XON")) {
            listener.queueFull(false);
        }
        // MEDIA_START, DTMF_END (the caller's DTMF also arrives as an ARI event), STATUS and the rest are not needed.
    }
}
