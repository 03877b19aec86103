package org.patchbay.core.sid;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Twilio-style identifiers: two letters naming the kind, then 32 lowercase hex digits. */
public final class Sids {
    public static final String ACCOUNT = "AC";
    public static final String CALL = "CA";
    public static final String RECORDING = "RE";
    public static final String NOTIFICATION = "NO";
    public static final String APPLICATION = "AP";
    public static final String PHONE_NUMBER = "PN";
    public static final String USAGE_TRIGGER = "UT";
    public static final String API_KEY = "SK";
    public static final String CONFERENCE = "CF";
    public static final String QUEUE = "QU";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9a-f]{32}");

    private Sids() {
    }

    public static String next(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + HEX.formatHex(bytes);
    }

    /** A secret of the same strength as a SID, for auth tokens and key secrets. */
    public static String secret() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    public static boolean isSid(String prefix, String candidate) {
        return candidate != null && candidate.startsWith(prefix) && SHAPE.matcher(candidate).matches();
    }
}
