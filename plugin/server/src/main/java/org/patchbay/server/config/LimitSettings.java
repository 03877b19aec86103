package org.patchbay.server.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The YAML {@code limits.resources} section: API requests in flight per account for one resource
 * type, e.g. {@code limits: {resources: {Calls: 20, Recordings: 5}}}, on top of the account-wide threshold.
 */
final class LimitSettings {
    static final String RESOURCES = "limits.resources";

    private LimitSettings() {
    }

    static Map<String, Integer> resources(JsonNode section, String file) {
        Map<String, Integer> byResource = new TreeMap<>();
        if (section == null) {
            return byResource;
        }
        if (!section.isObject()) {
            throw new ConfigException("PATCHBAY_CONFIG: '" + RESOURCES + "' in " + Path.of(file)
                    + " must map resource types (e.g. Calls) to thresholds");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getKey().matches("[A-Z][A-Za-z]*") || !entry.getValue().canConvertToInt() || entry.getValue().asInt() < 0) {
                throw new ConfigException("PATCHBAY_CONFIG: " + RESOURCES + "." + entry.getKey()
                        + " must be a resource type (e.g. Calls) with a whole number from 0, got '" + entry.getValue().asText() + "'");
            }
            byResource.put(entry.getKey(), entry.getValue().asInt());
        }
        return byResource;
    }
}
