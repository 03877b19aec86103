package org.patchbay.asterisk.sim.engine;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.asterisk.sim.ReceivedAudio;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Real audio on the caller's side of a call, for external media tests: the caller sends µ-law (a test tone, say)
 * paced at one 160-byte frame per 20 ms of real time, and what reaches the caller from the bridge is kept:
 * the last {@value #KEPT_BYTES} bytes (30 s) per call, for the last {@value #KEPT_CALLS} calls.
 */
public final class CallerAudio {
    private static final long FRAME_MILLIS = 20;
    private static final int KEPT_BYTES = 240_000;
    private static final int KEPT_CALLS = 500;

    private final World world;
    private final Map<String, Heard> heardByChannel = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Heard> eldest) {
            return size() > 2 * KEPT_CALLS;
        }
    };

    CallerAudio(World world) {
        this.world = world;
    }

    /** The caller of the call {@code channelId} belongs to sends {@code ulaw}; completes once the last frame went. */
    public Future<Void> send(String channelId, byte[] ulaw) {
        Channel appSide = world.appSide(channelId);
        Promise<Void> sent = Promise.promise();
        int[] offset = {0};
        world.context.owner().setPeriodic(0, FRAME_MILLIS, timer -> {
            if (offset[0] >= ulaw.length || !appSide.alive()) {
                world.context.owner().cancelTimer(timer);
                sent.tryComplete();
                return;
            }
            int end = Math.min(ulaw.length, offset[0] + MediaPlayout.FRAME_BYTES);
            world.audio.fromFarEnd(appSide, Arrays.copyOfRange(ulaw, offset[0], end));
            offset[0] = end;
        });
        return sent.future();
    }

    /** What the caller of the call {@code channelId} belongs to has received from the bridge; kept after the call. */
    public ReceivedAudio received(String channelId) {
        Heard heard = heardByChannel.get(channelId);
        if (heard == null) {
            if (!world.channels.containsKey(channelId)) {
                throw new NoSuchElementException("no call " + channelId);
            }
            return new ReceivedAudio(new byte[0], 0);
        }
        return new ReceivedAudio(heard.bytes.toByteArray(), heard.frames);
    }

    /** A frame from the bridge reached {@code member}: its far end hears it. */
    void heard(Channel member, byte[] frame) {
        Heard heard = heardByChannel.get(member.id);
        if (heard == null) {
            heard = new Heard();
            heardByChannel.put(member.id, heard);
            if (member.partner != null) {
                heardByChannel.put(member.partner.id, heard);
            }
        }
        heard.add(frame);
    }

    private static final class Heard {
        private ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int frames;

        void add(byte[] frame) {
            frames++;
            if (bytes.size() + frame.length > KEPT_BYTES) {
                byte[] all = bytes.toByteArray();
                bytes = new ByteArrayOutputStream();
                bytes.write(all, all.length / 2, all.length - all.length / 2);
            }
            bytes.writeBytes(frame);
        }
    }
}
