package org.patchbay.testkit.telephony;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.patchbay.core.telephony.TelephonyException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finished recordings of the memory PBX: silence of the recorded length (8 kHz, 16-bit). */
final class StoredRecordings {
    private final Map<String, Buffer> audio = new ConcurrentHashMap<>();

    void put(String name, int seconds) {
        audio.put(name, Buffer.buffer(new byte[Math.max(0, seconds) * 16_000]));
    }

    Future<Buffer> get(String name) {
        Buffer found = audio.get(name);
        return found == null ? Future.failedFuture(new TelephonyException(404, "Recording not found")) : Future.succeededFuture(found);
    }

    Future<Void> delete(String name) {
        return audio.remove(name) == null ? Future.failedFuture(new TelephonyException(404, "Recording not found"))
                : Future.succeededFuture();
    }
}
