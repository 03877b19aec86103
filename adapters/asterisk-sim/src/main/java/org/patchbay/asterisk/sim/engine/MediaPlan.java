package org.patchbay.asterisk.sim.engine;

import io.vertx.core.Future;

/** How one media URI plays out. */
sealed interface MediaPlan {

    /** Plays for a known simulated time, then is done. */
    record Timed(long millis) implements MediaPlan {
    }

    /** Cannot be played: the playback finishes as failed right after it started. */
    record Failed() implements MediaPlan {
    }

    /** Plays until stopped (tones). */
    record Endless() implements MediaPlan {
    }

    /** An unknown scheme: Asterisk reports PlaybackStarted, never finishes it, and forgets the playback. */
    record Vanishes() implements MediaPlan {
    }

    /** Timed once the HTTP fetch resolves; failed if the fetch fails. */
    record Fetching(Future<Long> millis) implements MediaPlan {
    }
}
