package org.patchbay.adapters.ari;

import java.net.URI;
import java.time.Duration;

/**
 * Where Asterisk's ARI is and how to reach it.
 *
 * @param url                base URL of Asterisk's HTTP server, e.g. {@code http://127.0.0.1:8088}
 * @param app                the Stasis application name the dialplan sends calls to
 * @param firstRetry         delay before the first reconnect attempt
 * @param maxRetry           the cap of the exponential backoff between attempts
 * @param downAfter          how long reconnecting may fail before /health says {@code down}
 */
public record AriSettings(URI url, String user, String password, String app,
                          Duration firstRetry, Duration maxRetry, Duration downAfter) {

    public static AriSettings of(String url, String user, String password, String app) {
        return new AriSettings(URI.create(url), user, password, app,
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    public AriSettings withBackoff(Duration first, Duration max, Duration down) {
        return new AriSettings(url, user, password, app, first, max, down);
    }

    /**
     * The second Stasis application, on the same events WebSocket, that endpoint and device state subscriptions
     * go to: filtered to those two event types, it keeps the traffic of every channel on a watched endpoint away
     * from {@link #app}. No call is ever sent to it.
     */
    public String presenceApp() {
        return app + "-presence";
    }

    boolean secure() {
        return "https".equalsIgnoreCase(url.getScheme()) || "wss".equalsIgnoreCase(url.getScheme());
    }

    int port() {
        return url.getPort() > 0 ? url.getPort() : secure() ? 443 : 80;
    }

    /** The path prefix under which Asterisk serves {@code /ari}, without a trailing slash. */
    String basePath() {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
