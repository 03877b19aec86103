package org.patchbay.adapters.tts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;

/**
 * Names a prompt by what decides its audio, so equal prompts share one cached file, keyed with
 * the installation's secret so the name cannot be computed from the text.
 */
final class SpeechId {

    /**
     * Bumped whenever the same inputs would produce different audio (new espeak-ng flags, voice
     * table, resampler or output format), so files written by an older build are not served.
     */
    static final String ENGINE_TAG = "espeak-ng/1 8kHz";

    private static final Pattern HEX_SHA_256 = Pattern.compile("[0-9a-f]{64}");

    private SpeechId() {
    }

    /**
     * Hex HMAC-SHA256, with the key, over the engine tag, the espeak-ng voice (which stands for
     * both TwiML's voice and its language) and the text.
     */
    static String of(SpeechIdKey key, String espeakVoice, String text) {
        Mac hmac = key.hmac();
        for (String field : new String[] {ENGINE_TAG, espeakVoice, text}) {
            // Length-prefixed so that no two different field lists hash the same bytes.
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            hmac.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            hmac.update(bytes);
        }
        return HexFormat.of().formatHex(hmac.doFinal());
    }

    /** True for what {@link #of} returns and nothing else: no path can be smuggled in. */
    static boolean isValid(String id) {
        return id != null && HEX_SHA_256.matcher(id).matches();
    }
}
