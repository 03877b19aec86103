package org.patchbay.server.api.http;

import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decoded request parameters (Twilio's PascalCase names) with typed, validating accessors. Each
 * accessor returns null when the parameter is absent and fails with a Twilio error naming the
 * parameter when it is malformed. Repeated single-valued parameters take the first value.
 */
public final class Params {
    public static final int MAX_URL_LENGTH = 4096;
    public static final int MAX_FRIENDLY_NAME = 64;

    private final Map<String, List<String>> fields;

    Params(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    public static Params empty() {
        return new Params(Map.of());
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    public String get(String name) {
        List<String> values = fields.get(name);
        return values == null ? null : values.get(0);
    }

    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    public Set<String> names() {
        return fields.keySet();
    }

    /** Free text of at most {@code maxLength} characters. */
    public String text(String name, int maxLength) {
        String value = get(name);
        if (value != null && value.length() > maxLength) {
            throw invalid(name + " must be at most " + maxLength + " characters long");
        }
        return value;
    }

    public String friendlyName() {
        return text("FriendlyName", MAX_FRIENDLY_NAME);
    }

    /**
     * An absolute http(s) URL; the empty string is returned as is, since on updates Twilio reads an
     * empty value as "remove this URL".
     */
    public String url(String name) {
        String value = get(name);
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (value.length() > MAX_URL_LENGTH || !isHttpUrl(value)) {
            throw PatchbayException.badRequest(ErrorCode.INVALID_URL_PARAMETER, name + " is not a valid URL: " + shorten(value));
        }
        return value;
    }

    /** GET or POST (any case), upper-cased. */
    public String method(String name) {
        String value = get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!upper.equals("GET") && !upper.equals("POST")) {
            throw invalid(name + " must be GET or POST");
        }
        return upper;
    }

    /** A decimal integer within [min, max]. */
    public Integer integer(String name, int min, int max) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.matches("[+-]?[0-9]{1,10}")) {
            throw invalid(name + " must be an integer from " + min + " to " + max);
        }
        long parsed = Long.parseLong(value);
        if (parsed < min || parsed > max) {
            throw invalid(name + " must be an integer from " + min + " to " + max);
        }
        return (int) parsed;
    }

    public Boolean bool(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name + " must be true or false");
        };
    }

    /** One of a fixed set of values, compared exactly. */
    public String choice(String name, Set<String> allowed) {
        String value = get(name);
        if (value != null && !allowed.contains(value)) {
            throw invalid(name + " must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    /** A value that must be there and not blank, trimmed; missing, it is refused with {@code code}. */
    public String required(String name, ErrorCode code, String message) {
        String value = get(name);
        if (value == null || value.isBlank()) {
            throw PatchbayException.badRequest(code, message);
        }
        return value.trim();
    }

    /**
     * Words of a fixed set: the parameter may repeat, and each value may hold several words separated by
     * spaces (Twilio's {@code StatusCallbackEvent}). {@code describedAs} names the allowed words in the error.
     */
    public Set<String> words(String name, Set<String> allowed, String describedAs) {
        Set<String> words = new java.util.LinkedHashSet<>();
        for (String value : all(name)) {
            for (String word : value.trim().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (!allowed.contains(word)) {
                    throw invalid(name + " must be among " + describedAs + ": '" + shorten(word) + "'");
                }
                words.add(word);
            }
        }
        return words;
    }

    public static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Keeps error messages short when a client sends a huge value. */
    public static String shorten(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "...";
    }

    public static PatchbayException invalid(String message) {
        return PatchbayException.badRequest(ErrorCode.INVALID_PARAMETER, message);
    }
}
