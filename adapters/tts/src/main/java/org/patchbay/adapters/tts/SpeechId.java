package org.patchbay.adapters.tts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Names a prompt by what decides its audio, so equal prompts share one cached file. */
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
     * Hex SHA-256 over the engine tag, the espeak-ng voice (which stands for both TwiML's voice
     * and its language) and the text.
     */
    static String of(String espeakVoice, String text) {
        MessageDigest sha256 = sha256();
        for (String field : new String[] {ENGINE_TAG, espeakVoice, text}) {
            // Length-prefixed so that no two different field lists hash the same bytes.
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** True for what {@link #of} returns and nothing else: no path can be smuggled in. */
    static boolean isValid(String id) {
        return id != null && HEX_SHA_256.matcher(id).matches();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
