package org.patchbay.core.events.sink;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A webhook sink, in Twilio's fields: {@code destination} (an http or https URL; credentials in its user
 * info, {@code https://user:secret@host/path}, are sent as HTTP Basic authentication, as Twilio does),
 * {@code method} (POST, the only one that can carry an event) and {@code batch_events} (several events per
 * request as a JSON array instead of one event per request).
 */
public record WebhookConfiguration(URI destination, String method, boolean batchEvents) implements SinkConfiguration {

    static WebhookConfiguration read(ConfigurationFields config) {
        URI destination = config.requiredUrl("destination", Set.of("http", "https"));
        String method = config.optionalText("method", "POST");
        if (!method.equalsIgnoreCase("POST")) {
            throw config.invalid("method", "must be POST (events are delivered as a request body), not '" + method + "'");
        }
        return new WebhookConfiguration(destination, "POST", config.optionalFlag("batch_events", false));
    }

    /** The destination without its user info: where requests go. */
    public URI target() {
        try {
            return new URI(destination.getScheme(), null, destination.getHost(), destination.getPort(),
                    destination.getPath(), destination.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a checked destination lost its shape: " + destination, e);
        }
    }

    /** The user name of the destination's user info, or null when it has none. */
    public String username() {
        String userInfo = destination.getRawUserInfo();
        if (userInfo == null) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        return decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
    }

    /** The password of the destination's user info, or null when it has none. */
    public String password() {
        String userInfo = destination.getRawUserInfo();
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        return colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
