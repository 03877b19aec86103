package org.patchbay.core.events.sink;

import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;

/** Reads one sink's configuration fields, failing with a message that names the field and the sink type. */
final class ConfigurationFields {
    private final SinkType type;
    private final Map<String, Object> fields;

    ConfigurationFields(SinkType type, Map<String, Object> fields) {
        this.type = type;
        this.fields = fields == null ? Map.of() : fields;
    }

    String requiredText(String name) {
        String value = optionalText(name, null);
        if (value == null || value.isBlank()) {
            throw invalid(name, "is required");
        }
        return value;
    }

    String optionalText(String name, String absent) {
        Object value = fields.get(name);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof String text)) {
            throw invalid(name, "must be a string");
        }
        return text;
    }

    boolean optionalFlag(String name, boolean absent) {
        Object value = fields.get(name);
        if (value == null) {
            return absent;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean((String) value);
        }
        throw invalid(name, "must be true or false");
    }

    Long optionalPositive(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        long number;
        if (value instanceof Integer || value instanceof Long) {
            number = ((Number) value).longValue();
        } else if (value instanceof String text && text.matches("[0-9]{1,18}")) {
            number = Long.parseLong(text);
        } else {
            throw invalid(name, "must be a whole number");
        }
        if (number < 1) {
            throw invalid(name, "must be at least 1");
        }
        return number;
    }

    /** An absolute URL with one of {@code schemes}. */
    URI requiredUrl(String name, Set<String> schemes) {
        String text = requiredText(name);
        try {
            URI url = new URI(text);
            if (url.getScheme() == null || !schemes.contains(url.getScheme().toLowerCase()) || url.getHost() == null) {
                throw invalid(name, "must be an absolute " + String.join(" or ", schemes.stream().sorted().toList())
                        + " URL, not '" + text + "'");
            }
            return url;
        } catch (URISyntaxException e) {
            throw invalid(name, "is not a valid URL: '" + text + "'");
        }
    }

    PatchbayException invalid(String name, String problem) {
        return PatchbayException.badRequest(ErrorCode.INVALID_PARAMETER,
                "Invalid SinkConfiguration for a " + type.wireName() + " sink: " + name + " " + problem);
    }
}
