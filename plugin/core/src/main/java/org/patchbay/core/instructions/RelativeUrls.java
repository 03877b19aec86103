package org.patchbay.core.instructions;

/** URL arithmetic for TwiML: relative URLs (Redirect, action) resolve against the current document's URL. */
public final class RelativeUrls {

    private RelativeUrls() {
    }

    /**
     * Resolves {@code relative} against {@code base} by RFC 3986: absolute URLs are kept,
     * {@code /x} replaces the path, {@code x} and {@code ../x} replace the last segment,
     * {@code ?q} replaces only the query. The reference's fragment is kept, so Twilio's connection
     * overrides on a relative URL survive. With no base the reference is returned as it is.
     */
    public static String resolve(String base, String relative) {
        if (relative == null || base == null) {
            return relative;
        }
        return UriReference.parse(relative.trim()).resolveAgainst(UriReference.parse(base)).toString();
    }

    /** True for an absolute {@code http} or {@code https} URL with a host and a valid port, if any. */
    public static boolean isHttpUrl(String url) {
        if (url == null) {
            return false;
        }
        UriReference parsed = UriReference.parse(url);
        return parsed.scheme() != null
                && (parsed.scheme().equalsIgnoreCase("http") || parsed.scheme().equalsIgnoreCase("https"))
                && parsed.host() != null && !parsed.host().isEmpty()
                && parsed.port() >= -1 && parsed.port() != 0;
    }
}
