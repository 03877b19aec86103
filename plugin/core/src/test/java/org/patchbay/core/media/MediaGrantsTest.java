package org.patchbay.core.media;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaGrantsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final MediaGrants grants = new MediaGrants(Duration.ofMinutes(10), 3, now::get);

    @Test
    void aPathIsServedOnlyWithinTheWindowAfterACallAskedForIt() {
        assertFalse(grants.allows("/media/tts/a.wav"), "never asked for");
        grants.grant("/media/tts/a.wav");
        now.addAndGet(Duration.ofMinutes(10).toMillis() - 1);
        assertTrue(grants.allows("/media/tts/a.wav"));
        assertFalse(grants.allows("/media/play/a.wav"), "another route's file of the same name is not granted");
        now.addAndGet(1);
        assertFalse(grants.allows("/media/tts/a.wav"), "the window has passed");
    }

    @Test
    void askingAgainRenewsTheWindow() {
        grants.grant("/media/tts/a.wav");
        now.addAndGet(Duration.ofMinutes(9).toMillis());
        grants.grant("/media/tts/a.wav");
        now.addAndGet(Duration.ofMinutes(9).toMillis());
        assertTrue(grants.allows("/media/tts/a.wav"));
    }

    @Test
    void endedGrantsAreForgottenAndTheOldestGoPastTheCapacity() {
        grants.grant("/a");
        now.addAndGet(Duration.ofMinutes(11).toMillis());
        grants.grant("/b");
        assertEquals(1, grants.size(), "the ended grant of /a is dropped");
        grants.grant("/c");
        grants.grant("/d");
        grants.grant("/b");
        grants.grant("/e");
        assertEquals(3, grants.size());
        assertFalse(grants.allows("/c"), "the oldest grant went first");
        assertTrue(grants.allows("/b"), "a renewed grant counts as new");
        assertTrue(grants.allows("/d"));
        assertTrue(grants.allows("/e"));
    }

    @Test
    void aWindowMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new MediaGrants(Duration.ZERO));
    }
}
