package org.patchbay.core.call.stream;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import org.patchbay.core.stream.StreamSocket;
import org.patchbay.core.telephony.MediaLink;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One bidirectional Media Stream: the caller's audio from the PBX's external media channel to the app as
 * {@code media} messages the moment each frame arrives, and the app's {@code media} back to the PBX, which
 * queues and paces it at real time; {@code mark} goes to the PBX behind the audio sent before it and is echoed
 * to the app once that audio has played; {@code clear} flushes the PBX's queue and echoes pending marks.
 * Nothing queues without bound: frames for an app whose socket is full are dropped, and after
 * {@value #STALL_MILLIS} ms of that the app is disconnected; audio held while the PBX's queue is full is capped.
 * Everything runs on the call's context.
 */
public final class StreamRelay implements MediaLink.Listener {
    public static final long STALL_MILLIS = 2000;

    /** Where the relay reports what went wrong (the call's Notifications). */
    public interface Problems {
        void warn(int code, String message);
    }

    private final MediaLink link;
    private final StreamSocket socket;
    private final TwilioStreamMessages messages;
    private final Problems problems;
    private final LongSupplier nanoClock;
    private final MarkLedger marks = new MarkLedger();
    private final HeldAudio held = new HeldAudio();
    private final Promise<StreamEnd> ended = Promise.promise();
    private final AppStall stall;
    private long startedNanos;
    private boolean pbxQueueFull;
    private boolean warnedAboutMessages;
    private boolean warnedAboutOverrun;

    public StreamRelay(MediaLink link, StreamSocket socket, String streamSid, String accountSid, String callSid,
                       Problems problems) {
        this(link, socket, streamSid, accountSid, callSid, problems, System::nanoTime);
    }

    StreamRelay(MediaLink link, StreamSocket socket, String streamSid, String accountSid, String callSid,
                Problems problems, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.link = link;
        this.socket = socket;
        this.messages = new TwilioStreamMessages(streamSid, accountSid, callSid);
        this.problems = problems;
        this.stall = new AppStall(socket, problems);
    }

    /** Sends {@code connected} and {@code start}, then relays until one side ends; completes with why it ended. */
    public Future<StreamEnd> start(Map<String, String> customParameters) {
        socket.textHandler(this::fromApp);
        socket.closeHandler(closed -> finish(StreamEnd.APP_CLOSED));
        socket.send(messages.connected());
        socket.send(messages.start(customParameters));
        startedNanos = nanoClock.getAsLong();
        link.listen(this);
        return ended.future();
    }

    /** The caller pressed a key. */
    public void dtmf(char digit) {
        if (!ended.future().isComplete()) {
            socket.send(messages.dtmf(digit));
        }
    }

    /** The call ended: {@code stop} to the app, and the socket closed. */
    public void callEnded() {
        stopAndClose(StreamEnd.CALL_ENDED);
    }

    /** The call moved on to another document: {@code stop} to the app, and the socket closed. */
    public void callMovedOn() {
        stopAndClose(StreamEnd.MOVED_ON);
    }

    @Override
    public void audio(Buffer ulaw) {
        if (ended.future().isComplete()) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (!stall.canSend(now, () -> finish(StreamEnd.APP_STALLED))) {
            return;
        }
        socket.send(messages.media(ulaw.getBytes(), (now - startedNanos) / 1_000_000));
    }

    @Override
    public void markPlayed(String id) {
        String name = marks.played(id);
        if (name != null && !ended.future().isComplete()) {
            socket.send(messages.mark(name));
        }
    }

    @Override
    public void queueFull(boolean full) {
        pbxQueueFull = full;
        while (!pbxQueueFull && !held.isEmpty()) {
            HeldAudio.Item item = held.poll();
            if (item instanceof HeldAudio.Audio audio) {
                link.send(Buffer.buffer(audio.ulaw()));
            } else if (item instanceof HeldAudio.MarkId mark) {
                link.mark(mark.id());
            }
        }
    }

    @Override
    public void closed() {
        stopAndClose(StreamEnd.MEDIA_GONE);
    }

    private void fromApp(String text) {
        if (ended.future().isComplete()) {
            return;
        }
        AppMessage message = AppMessage.parse(text);
        if (message instanceof AppMessage.Media media) {
            toCaller(media.ulaw());
        } else if (message instanceof AppMessage.Mark mark) {
            String id = marks.add(mark.name());
            if (id == null) {
                warnOnce("the app sent more than " + MarkLedger.MAX_PENDING + " marks without their audio playing");
            } else if (pbxQueueFull || !held.isEmpty()) {
                held.addMark(id);
            } else {
                link.mark(id);
            }
        } else if (message instanceof AppMessage.Clear) {
            held.clear();
            link.flush();
            marks.drain().forEach(name -> socket.send(messages.mark(name)));
        } else if (message instanceof AppMessage.Ignored ignored && ignored.why() != null) {
            warnOnce("the app sent " + ignored.why() + "; it was ignored");
        }
    }

    private void toCaller(byte[] ulaw) {
        if (!pbxQueueFull && held.isEmpty()) {
            link.send(Buffer.buffer(ulaw));
        } else if (!held.addAudio(ulaw) && !warnedAboutOverrun) {
            warnedAboutOverrun = true;
            problems.warn(StreamErrors.PROTOCOL, "The Media Stream's application sent audio more than 30 s ahead of"
                    + " what the caller heard; the excess was dropped");
        }
    }

    private void warnOnce(String what) {
        if (!warnedAboutMessages) {
            warnedAboutMessages = true;
            problems.warn(StreamErrors.PROTOCOL, "Media Stream: " + what + " (reported once per stream)");
        }
    }

    private void stopAndClose(StreamEnd why) {
        if (ended.future().isComplete()) {
            return;
        }
        socket.send(messages.stop());
        finish(why);
        socket.close();
    }

    private void finish(StreamEnd why) {
        ended.tryComplete(why);
    }
}
