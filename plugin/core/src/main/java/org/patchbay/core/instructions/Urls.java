package org.patchbay.core.instructions;

import java.net.URI;

/** URL arithmetic for TwiML: relative URLs (Redirect, action) resolve against the current document's URL. */
public final class Urls {

    private Urls() {
    }

    /** @return {@code relative} resolved against {@code base}; {@code relative} unchanged if either is unusable */
    public static String resolve(String base, String relative) {
        if (relative == null || base == null) {
            return relative;
        }
        try {
            URI target = URI.create(relative.trim());
            return target.isAbsolute() ? target.toString() : URI.create(base).resolve(target).toString();
        } catch (IllegalArgumentException e) {
            return relative;
        }
    }

    /** Whether Patchbay can request this URL at all: absolute http or https with a host. */
    public static boolean isFetchable(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme();
            return uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
