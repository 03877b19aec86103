package org.patchbay.adapters.http;

import org.patchbay.core.instructions.UriReference;

import java.nio.charset.StandardCharsets;

/**
 * URL helpers for instruction and webhook URLs: Twilio's override fragment and the exact form a
 * URL takes on the wire, which is also the form that gets signed. Resolution lives in core (RelativeUrls).
 */
public final class WireUrls {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private WireUrls() {
    }

    /** The URL without its {@code #fragment}. */
    public static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** What follows {@code #}, or null when there is no fragment. */
    public static String fragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? null : url.substring(hash + 1);
    }

    /** Appends already-encoded parameters to the URL's query, keeping the query it has. */
    public static String withQuery(String url, String encodedParams) {
        if (encodedParams.isEmpty()) {
            return url;
        }
        if (url.indexOf('?') < 0) {
            return url + '?' + encodedParams;
        }
        boolean open = url.endsWith("?") || url.endsWith("&");
        return url + (open ? "" : "&") + encodedParams;
    }

    /**
     * The URL as it goes on the request line and into the signature: without fragment, with
     * {@code /} for an empty path, and with the characters a URI may not contain (spaces,
     * non-ASCII, {@code "<>\^`{|}}) percent-encoded as UTF-8. Existing escapes are kept.
     */
    public static String forRequest(String url) {
        UriReference parsed = UriReference.parse(percentEncodeIllegal(withoutFragment(url)));
        String path = parsed.path().isEmpty() ? "/" : parsed.path();
        return new UriReference(parsed.scheme(), parsed.authority(), path, parsed.query(), null).toString();
    }

    private static String percentEncodeIllegal(String url) {
        if (url.chars().noneMatch(WireUrls::illegal)) {
            return url;
        }
        StringBuilder out = new StringBuilder(url.length() + 16);
        url.codePoints().forEach(codePoint -> {
            if (codePoint < 0x80 && !illegal(codePoint)) {
                out.append((char) codePoint);
            } else {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
        });
        return out.toString();
    }

    private static boolean illegal(int c) {
        return c <= 0x20 || c >= 0x7F || "\"<>\\^`{|}".indexOf(c) >= 0;
    }
}
