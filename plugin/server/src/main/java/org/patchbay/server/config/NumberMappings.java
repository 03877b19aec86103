package org.patchbay.server.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** The {@code numbers:} section of the YAML file: dialled number to application URLs. */
final class NumberMappings {
    private static final Set<String> FIELDS = Set.of("voiceUrl", "voiceMethod", "voiceFallbackUrl",
            "voiceFallbackMethod", "statusCallback", "statusCallbackMethod");

    private NumberMappings() {
    }

    static void read(JsonNode section, Map<String, NumberConfig> numbers, Path file) {
        if (!section.isObject()) {
            throw new ConfigException("PATCHBAY_CONFIG: 'numbers' in " + file + " must map numbers to applications");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String number = entry.getKey();
            JsonNode app = entry.getValue();
            if (!app.isObject()) {
                throw new ConfigException("PATCHBAY_CONFIG: numbers." + number + " must be a mapping with voiceUrl");
            }
            app.fieldNames().forEachRemaining(name -> {
                if (!FIELDS.contains(name)) {
                    throw new ConfigException("PATCHBAY_CONFIG: numbers." + number + " has unknown field '" + name
                            + "' (known: " + String.join(", ", FIELDS) + ")");
                }
            });
            numbers.put(number, new NumberConfig(
                    url(app, "voiceUrl", number, true), method(app, "voiceMethod", number),
                    url(app, "voiceFallbackUrl", number, false), method(app, "voiceFallbackMethod", number),
                    url(app, "statusCallback", number, false), method(app, "statusCallbackMethod", number)));
        }
    }

    private static String url(JsonNode app, String field, String number, boolean required) {
        JsonNode value = app.get(field);
        if (value == null || value.asText().isBlank()) {
            if (required) {
                throw new ConfigException("PATCHBAY_CONFIG: numbers." + number + "." + field + " is required");
            }
            return null;
        }
        String text = value.asText().trim();
        try {
            URI uri = URI.create(text);
            if (uri.getHost() != null && uri.getScheme() != null && uri.getScheme().matches("(?i)https?")) {
                return text;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new ConfigException("PATCHBAY_CONFIG: numbers." + number + "." + field
                + " must be an absolute http(s) URL, got '" + text + "'");
    }

    private static String method(JsonNode app, String field, String number) {
        JsonNode value = app.get(field);
        if (value == null) {
            return "POST";
        }
        String method = value.asText().trim().toUpperCase(java.util.Locale.ROOT);
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new ConfigException("PATCHBAY_CONFIG: numbers." + number + "." + field + " must be GET or POST, got '"
                    + value.asText() + "'");
        }
        return method;
    }
}
