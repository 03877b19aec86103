package org.patchbay.server.api.calls;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a {@code To} or {@code From} names a party Patchbay can dial: a phone number (digits with
 * an optional {@code +}, {@code *} and {@code #}; spaces, dots, dashes and brackets are ignored),
 * a {@code sip:user@host} URI or a {@code client:identity}. The same shapes the call router accepts,
 * checked here so that a bad address is the client's 400 before any call is queued.
 */
public final class PartyAddress {
    public static final int MAX_LENGTH = 256;
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]{1,32}");
    private static final Pattern SIP = Pattern.compile(
            "sips?:[A-Za-z0-9._+\\-]{1,64}@[A-Za-z0-9.\\-]{1,253}(:\\d{1,5})?(;[^\\s]*)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLIENT = Pattern.compile("client:[A-Za-z0-9._\\-]{1,121}");

    private PartyAddress() {
    }

    public static boolean isValid(String address) {
        if (address == null || address.length() > MAX_LENGTH) {
            return false;
        }
        String trimmed = address.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("client:")) {
            return CLIENT.matcher(trimmed).matches();
        }
        if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
            return SIP.matcher(trimmed).matches();
        }
        return NUMBER.matcher(trimmed.replaceAll("[\\s().\\-]", "")).matches();
    }
}
