package org.patchbay.core.call;

import io.vertx.core.Future;

/** A playback under way on a call: wait for it, or stop it (a key pressed during a Gather prompt). */
public interface Playback {
    Future<PlaybackResult> finished();

    void stop();
}
