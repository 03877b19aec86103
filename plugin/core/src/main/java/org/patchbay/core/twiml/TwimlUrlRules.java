package org.patchbay.core.twiml;

import java.util.Locale;

/**
 * What counts as a URL in TwiML: an absolute http(s) URL or a reference relative to the document.
 * Anything else (file:, ftp:, javascript:, text with spaces) would make Patchbay fetch something
 * the customer never meant, so it is refused while parsing rather than when the call gets there.
 */
final class TwimlUrlRules {

    private TwimlUrlRules() {
    }

    static boolean isHttpOrRelative(String url) {
        if (url.isEmpty() || containsSpaceOrControl(url)) {
            return false;
        }
        String scheme = scheme(url);
        if (scheme == null) {
            return true;
        }
        return (scheme.equals("http") || scheme.equals("https")) && hasHost(url, scheme.length() + 1);
    }

    /** A {@code <Play>} body may also name media Asterisk already holds, as ARI media URIs do. */
    static boolean isPlayable(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sound:") || lower.startsWith("recording:")) {
            return url.indexOf(':') < url.length() - 1 && !containsSpaceOrControl(url);
        }
        return isHttpOrRelative(url);
    }

    /** The scheme in lower case, or null for a relative reference (RFC 3986: letters, digits, + - . before a colon). */
    private static String scheme(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return i == 0 ? null : url.substring(0, i).toLowerCase(Locale.ROOT);
            }
            boolean schemeChar = Character.isLetter(c) && c < 128
                    || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.');
            if (!schemeChar) {
                return null;
            }
        }
        return null;
    }

    private static boolean hasHost(String url, int afterColon) {
        if (!url.startsWith("//", afterColon) || url.length() == afterColon + 2) {
            return false;
        }
        char first = url.charAt(afterColon + 2);
        return first != '/' && first != '?' && first != '#';
    }

    private static boolean containsSpaceOrControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }
}
