package org.patchbay.adapters.tts;

import org.patchbay.core.media.MediaIds;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;

/**
 * Ids of converted {@code <Play>} media: HMAC-SHA256, under the installation's media key, of the
 * URL and the downloaded content. Equal media keeps one name (Asterisk's HTTP media cache then
 * downloads it once), yet without the key nobody can compute the id of a URL to check whether a
 * call played it.
 */
public final class PlayMediaIds implements MediaIds {
    /** Separates these ids from speech ids made with the same key; bumped if the decoding output changes. */
    static final String TAG = "play/1 8kHz";

    private final SpeechIdKey key;

    private PlayMediaIds(SpeechIdKey key) {
        this.key = key;
    }

    public static PlayMediaIds keyedWith(SpeechIdKey key) {
        return new PlayMediaIds(key);
    }

    @Override
    public String idOf(String url, byte[] content) {
        Mac hmac = key.hmac();
        for (byte[] field : new byte[][] {TAG.getBytes(StandardCharsets.UTF_8), url.getBytes(StandardCharsets.UTF_8), content}) {
            // Length-prefixed so that no two different (URL, content) pairs hash the same bytes.
            hmac.update(ByteBuffer.allocate(Integer.BYTES).putInt(field.length).array());
            hmac.update(field);
        }
        return HexFormat.of().formatHex(hmac.doFinal());
    }
}
