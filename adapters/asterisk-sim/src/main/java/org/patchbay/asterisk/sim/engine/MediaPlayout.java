package org.patchbay.asterisk.sim.engine;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * chan_websocket's outgoing queue of one media channel: the app's audio cut into 160-byte frames, with the
 * marks and buffering ends the app put between them. One frame plays per 20 ms tick; queued marks are
 * reported when playout reaches them, so after the audio sent before them has played. Levels are Asterisk's:
 * {@code MEDIA_XOFF} at 900 queued frames, {@code MEDIA_XON} once below 800; beyond 1000 frames the app's
 * audio is dropped (the limit is assumed: the capture went up to 950).
 */
final class MediaPlayout {
    static final int FRAME_BYTES = 160;
    static final int XON_LEVEL = 800;
    static final int XOFF_LEVEL = 900;
    static final int MAX_FRAMES = 1000;

    /** What playout tells its channel. */
    interface Listener {
        void play(byte[] frame);

        void markProcessed(String correlationId);

        void bufferingCompleted(String correlationId);

        void queueDrained();

        void xoff();

        void xon();
    }

    private sealed interface Item permits Frame, Mark, BufferingEnd {
    }

    private record Frame(byte[] bytes) implements Item {
    }

    private record Mark(String correlationId) implements Item {
    }

    private record BufferingEnd(String correlationId) implements Item {
    }

    private final Deque<Item> queue = new ArrayDeque<>();
    private final Listener listener;
    private int frames;
    private boolean xoffSent;
    private boolean drainReportAsked;
    private boolean paused;
    private byte[] buffered;

    MediaPlayout(Listener listener) {
        this.listener = listener;
    }

    /** A binary message from the app: cut into frames, or held while bulk buffering is on. */
    void audio(byte[] bytes) {
        if (buffered != null) {
            byte[] joined = Arrays.copyOf(buffered, buffered.length + bytes.length);
            System.arraycopy(bytes, 0, joined, buffered.length, bytes.length);
            buffered = joined;
            return;
        }
        enqueueFrames(bytes);
    }

    void mark(String correlationId) {
        queue.addLast(new Mark(correlationId));
    }

    void startBuffering() {
        if (buffered == null) {
            buffered = new byte[0];
        }
    }

    /** The buffered audio joins the queue, followed by its completion notice. */
    void stopBuffering(String correlationId) {
        byte[] bytes = buffered == null ? new byte[0] : buffered;
        buffered = null;
        enqueueFrames(bytes);
        queue.addLast(new BufferingEnd(correlationId));
    }

    /** {@code FLUSH_MEDIA}: queued audio and the marks between it go; their marks are never reported. */
    void flush() {
        queue.clear();
        frames = 0;
    }

    void reportWhenDrained() {
        drainReportAsked = true;
    }

    void pause(boolean on) {
        paused = on;
    }

    boolean paused() {
        return paused;
    }

    boolean bulkBuffering() {
        return buffered != null;
    }

    int queuedFrames() {
        return frames;
    }

    boolean full() {
        return xoffSent;
    }

    /** One 20 ms tick: marks at the head are reported, then one frame plays. */
    void tick() {
        if (!paused) {
            while (!queue.isEmpty() && !(queue.peekFirst() instanceof Frame)) {
                Item notice = queue.pollFirst();
                if (notice instanceof Mark mark) {
                    listener.markProcessed(mark.correlationId());
                } else if (notice instanceof BufferingEnd end) {
                    listener.bufferingCompleted(end.correlationId());
                }
            }
            if (queue.peekFirst() instanceof Frame frame) {
                queue.pollFirst();
                frames--;
                listener.play(frame.bytes());
            } else if (drainReportAsked) {
                drainReportAsked = false;
                listener.queueDrained();
            }
        }
        if (xoffSent && frames < XON_LEVEL) {
            xoffSent = false;
            listener.xon();
        }
    }

    private void enqueueFrames(byte[] bytes) {
        for (int offset = 0; offset < bytes.length; offset += FRAME_BYTES) {
            if (frames >= MAX_FRAMES) {
                return;
            }
            queue.addLast(new Frame(Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + FRAME_BYTES))));
            frames++;
        }
        if (!xoffSent && frames >= XOFF_LEVEL) {
            xoffSent = true;
            listener.xoff();
        }
    }
}
