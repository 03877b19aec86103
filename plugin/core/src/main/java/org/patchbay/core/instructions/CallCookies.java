package org.patchbay.core.instructions;

import java.net.HttpCookie;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The cookies an application server set during one call, sent back on that call's later TwiML
 * requests as Twilio does: matched by domain and path (RFC 6265), {@code Secure} ones only over
 * https, dropped when they expire. One jar per call; it is never shared between calls.
 * Thread-safe: a fetch may store from an HTTP client's context while the call reads.
 */
public final class CallCookies {
    static final int MAX_COOKIES = 50;

    private record Stored(HttpCookie cookie, String domain, boolean hostOnly, String path) {
    }

    private final List<Stored> cookies = new ArrayList<>();

    /** Keeps the cookies of a response to {@code requestUrl}'s Set-Cookie headers; ignores what it cannot read. */
    public synchronized void store(String requestUrl, List<String> setCookieHeaders) {
        UriReference url = parse(requestUrl);
        if (url == null || setCookieHeaders == null) {
            return;
        }
        String host = url.host().toLowerCase(Locale.ROOT);
        for (String header : setCookieHeaders) {
            List<HttpCookie> parsed;
            try {
                parsed = HttpCookie.parse(header);
            } catch (IllegalArgumentException unreadable) {
                continue;
            }
            for (HttpCookie cookie : parsed) {
                keep(host, url.path(), cookie);
            }
        }
    }

    /** The {@code Cookie} header value for a request to {@code requestUrl}, or null when no cookie applies. */
    public synchronized String header(String requestUrl) {
        UriReference url = parse(requestUrl);
        if (url == null) {
            return null;
        }
        String host = url.host().toLowerCase(Locale.ROOT);
        boolean secure = "https".equalsIgnoreCase(url.scheme());
        StringBuilder header = new StringBuilder();
        for (Iterator<Stored> it = cookies.iterator(); it.hasNext(); ) {
            Stored stored = it.next();
            if (stored.cookie.hasExpired()) {
                it.remove();
                continue;
            }
            if (domainMatches(stored, host) && pathMatches(stored.path, url.path()) && (secure || !stored.cookie.getSecure())) {
                header.append(header.length() == 0 ? "" : "; ").append(stored.cookie.getName()).append('=')
                        .append(stored.cookie.getValue());
            }
        }
        return header.length() == 0 ? null : header.toString();
    }

    private void keep(String host, String requestPath, HttpCookie cookie) {
        String domain = cookie.getDomain() == null ? null : cookie.getDomain().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
        boolean hostOnly = domain == null || domain.isEmpty();
        if (!hostOnly && !host.equals(domain) && !host.endsWith("." + domain)) {
            return;
        }
        String path = cookie.getPath() != null && cookie.getPath().startsWith("/") ? cookie.getPath() : defaultPath(requestPath);
        Stored stored = new Stored(cookie, hostOnly ? host : domain, hostOnly, path);
        cookies.removeIf(old -> old.cookie.getName().equals(cookie.getName()) && old.domain.equals(stored.domain)
                && old.path.equals(stored.path));
        if (cookie.hasExpired() || cookie.getMaxAge() == 0) {
            return;
        }
        if (cookies.size() >= MAX_COOKIES) {
            cookies.remove(0);
        }
        cookies.add(stored);
    }

    private static boolean domainMatches(Stored stored, String host) {
        return stored.hostOnly ? host.equals(stored.domain) : host.equals(stored.domain) || host.endsWith("." + stored.domain);
    }

    private static boolean pathMatches(String cookiePath, String requestPath) {
        String path = requestPath == null || requestPath.isEmpty() ? "/" : requestPath;
        if (path.equals(cookiePath)) {
            return true;
        }
        return path.startsWith(cookiePath) && (cookiePath.endsWith("/") || path.charAt(cookiePath.length()) == '/');
    }

    /** RFC 6265 5.1.4: the request path up to, not including, its last slash; "/" at the top. */
    private static String defaultPath(String requestPath) {
        if (requestPath == null || !requestPath.startsWith("/")) {
            return "/";
        }
        int lastSlash = requestPath.lastIndexOf('/');
        return lastSlash <= 0 ? "/" : requestPath.substring(0, lastSlash);
    }

    private static UriReference parse(String url) {
        try {
            UriReference parsed = UriReference.parse(url);
            return parsed.host() == null ? null : parsed;
        } catch (RuntimeException unparseable) {
            return null;
        }
    }
}
