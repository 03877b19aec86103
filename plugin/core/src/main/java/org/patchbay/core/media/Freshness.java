package org.patchbay.core.media;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Until when a download may be played again without asking the server, from its Cache-Control
 * ({@code max-age}, {@code s-maxage}, {@code no-cache}, {@code no-store}) or else its Expires.
 * Without either it is stale at once: the next play revalidates it (ETag, Last-Modified) or
 * downloads it again.
 */
final class Freshness {
    private Freshness() {
    }

    static long freshUntilMillis(MediaDownload download, long nowMillis) {
        String cacheControl = download.cacheControl();
        if (cacheControl != null) {
            String directives = cacheControl.toLowerCase(Locale.ROOT);
            if (directives.contains("no-store") || directives.contains("no-cache")) {
                return 0;
            }
            for (String directive : directives.split(",")) {
                String trimmed = directive.trim();
                int equals = trimmed.indexOf('=');
                String name = equals < 0 ? trimmed : trimmed.substring(0, equals).trim();
                if (equals > 0 && (name.equals("max-age") || name.equals("s-maxage"))) {
                    return nowMillis + seconds(trimmed.substring(equals + 1)) * 1000;
                }
            }
        }
        if (download.expires() != null) {
            try {
                return ZonedDateTime.parse(download.expires().trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            } catch (RuntimeException unparseable) {
                return 0;
            }
        }
        return 0;
    }

    private static long seconds(String text) {
        try {
            return Math.max(0, Long.parseLong(text.trim().replace("\"", "")));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
