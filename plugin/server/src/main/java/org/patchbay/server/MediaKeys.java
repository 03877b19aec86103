package org.patchbay.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.adapters.tts.SpeechIdKey;
import org.patchbay.server.config.PatchbayConfig;
import org.patchbay.server.config.Setting;
import org.patchbay.server.config.SettingValues;

import java.nio.file.Path;

/** The speech id key: the configured one, or the one kept in the data directory (made on first start). */
final class MediaKeys {
    static final String KEY_FILE = "keys/media-id.key";

    private MediaKeys() {
    }

    /** Reads or writes the key file on a worker, never on the event loop. */
    static Future<SpeechIdKey> speechIdKey(Vertx vertx, PatchbayConfig config) {
        String configured = config.settings().get(Setting.MEDIA_KEY);
        if (configured != null && !configured.isBlank()) {
            try {
                return Future.succeededFuture(SpeechIdKey.fromBase64(configured));
            } catch (IllegalArgumentException bad) {
                return Future.failedFuture(SettingValues.bad(Setting.MEDIA_KEY, "(secret)", bad.getMessage()));
            }
        }
        Path file = config.dataDir().resolve(KEY_FILE);
        return vertx.executeBlocking(() -> SpeechIdKey.loadOrCreate(file), false);
    }
}
