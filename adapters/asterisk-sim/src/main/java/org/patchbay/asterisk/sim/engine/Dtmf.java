package org.patchbay.asterisk.sim.engine;

import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * DTMF, with Asterisk's timing: each digit is reported when it ends, {@code between + duration} after
 * the previous one ({@code w} pauses 500 ms). Digits the app sends to a channel occupy its control queue
 * and reach the other half of a Local channel; digits the far end presses reach the app's channel.
 */
final class Dtmf {
    private static final long PAUSE_MILLIS = 500;
    private static final String DIGITS = "0123456789*#ABCDabcd";

    private final World world;
    private final Recorder recorder;

    Dtmf(World world, Recorder recorder) {
        this.world = world;
        this.recorder = recorder;
    }

    void send(Channel channel, String digits, int before, int between, int duration, int after) {
        channel.control.submit(new CommandQueue.Command() {
            @Override
            public void run(CommandQueue queue) {
                if (channel.heard != null) {
                    channel.heard.add("dtmf", digits, "sent", world.clock.nowMillis());
                }
                Channel receiver = channel.partner;
                long end = schedule(digits, before, between, duration, (offset, digit) -> world.after(channel, offset,
                        () -> deliver(receiver, digit, duration)));
                world.after(channel, end + Math.max(0, after), () -> queue.done(this));
            }

            @Override
            public void abort(boolean wasRunning) {
                // The channel's timers are cancelled with it; nothing else is pending.
            }
        });
    }

    /** The far end presses digits; presses on one call follow each other. Completes once all were received. */
    Future<Void> press(Channel receiver, String digits, int between, int duration) {
        long now = world.clock.nowMillis();
        long start = Math.max(now, receiver.farDtmfBusyUntil);
        long delay = start - now;
        long end = schedule(digits, 0, between, duration,
                (offset, digit) -> world.clock.after(delay + offset, () -> deliver(receiver, digit, duration)));
        receiver.farDtmfBusyUntil = start + end;
        Promise<Void> delivered = Promise.promise();
        world.clock.after(delay + end, delivered::tryComplete);
        return delivered.future();
    }

    private interface DigitAt {
        void at(long offsetMillis, char digit);
    }

    private static long schedule(String digits, int before, int between, int duration, DigitAt digitAt) {
        long offset = Math.max(0, before);
        for (char c : digits.toCharArray()) {
            if (c == 'w' || c == 'W') {
                offset += PAUSE_MILLIS;
            } else if (DIGITS.indexOf(c) >= 0) {
                offset += Math.max(0, between) + Math.max(0, duration);
                digitAt.at(offset, c);
            }
        }
        return offset;
    }

    private void deliver(Channel receiver, char digit, int duration) {
        if (receiver == null || !receiver.alive()) {
            return;
        }
        world.emit(receiver, world.events.dtmf(receiver, digit, duration));
        world.audio.dtmfReceived(receiver, digit);
        recorder.dtmfReceived(receiver, digit);
    }
}
