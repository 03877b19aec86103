package org.patchbay.adapters.ari;

import ch.loway.oss.ari4java.tools.BaseAriAction;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.reflect.Field;

/**
 * Lets ari4java decode what a newer Asterisk adds to a known model. Asterisk 22.10.1 puts {@code tech_cause} (the
 * WebSocket close code) on the {@code ChannelHangupRequest} and {@code ChannelDestroyed} of every chan_websocket
 * channel, which ari4java's newest model (ARI 10.0.0) lacks; its one JSON mapper fails on an unknown field, so each of
 * those events was dropped and the media channels' claims were never let go. ari4java offers no setting for it
 * ({@code setObjectMapperLessStrict} leaves an unknown object or array value unread), so its mapper is reached here.
 */
final class AriLenientDecoding {
    private static boolean applied;

    private AriLenientDecoding() {
    }

    /** Idempotent; throws if this ari4java keeps its mapper elsewhere, which a test of the adapter would show. */
    static synchronized void apply() {
        if (applied) {
            return;
        }
        try {
            Field mapper = BaseAriAction.class.getDeclaredField("mapper");
            mapper.setAccessible(true);
            ((ObjectMapper) mapper.get(null)).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
            applied = true;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("ari4java's JSON mapper is not where this Patchbay expects it", e);
        }
    }
}
