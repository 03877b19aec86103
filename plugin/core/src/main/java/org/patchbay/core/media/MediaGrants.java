package org.patchbay.core.media;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The media this node handed to the PBX lately. The media route answers an id only while it is
 * here: for {@code window} after the last time a call asked for it. So a file stays out of reach
 * of whoever can reach the port unless a live call is playing it, even if its id leaked (a log, a
 * TwiML app, a former employee's notes). Bounded: past {@code capacity} grants the oldest go
 * first. Session contexts and the media route share it; each locked section is a map operation
 * or two.
 */
public final class MediaGrants {
    public static final int DEFAULT_CAPACITY = 100_000;

    private final long windowMillis;
    private final int capacity;
    private final LongSupplier clock;
    /** Path to when its grant ends, oldest grant first (a renewal moves it to the end). */
    private final Map<String, Long> until = new LinkedHashMap<>();

    public MediaGrants(Duration window) {
        this(window, DEFAULT_CAPACITY, System::currentTimeMillis);
    }

    /** @param clock milliseconds; tests move it */
    public MediaGrants(Duration window, int capacity, LongSupplier clock) {
        if (window.isNegative() || window.isZero() || capacity < 1) {
            throw new IllegalArgumentException("a media grant needs a positive window and capacity");
        }
        this.windowMillis = window.toMillis();
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The PBX is about to fetch {@code path} (e.g. {@code /media/tts/<id>.wav}): serve it for the window from now. */
    public synchronized void grant(String path) {
        long now = clock.getAsLong();
        until.remove(path);
        until.put(path, now + windowMillis);
        forgetEnded(now);
    }

    /** True while a grant of {@code path} runs. */
    public synchronized boolean allows(String path) {
        Long end = until.get(path);
        return end != null && end > clock.getAsLong();
    }

    synchronized int size() {
        return until.size();
    }

    /** Every grant lasts the same window, so the ended ones are all at the head. */
    private void forgetEnded(long now) {
        for (Iterator<Long> oldest = until.values().iterator(); oldest.hasNext(); ) {
            long end = oldest.next();
            if (end > now && until.size() <= capacity) {
                return;
            }
            oldest.remove();
        }
    }
}
