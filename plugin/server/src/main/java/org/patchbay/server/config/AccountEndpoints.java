package org.patchbay.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.patchbay.core.endpoint.EndpointTemplates;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The {@code accounts:} section of the YAML file: endpoint templates of their own for some accounts,
 * e.g. {@code accounts: {AC…: {endpoints: {number: "PJSIP/{number}@trunk-b"}}}}. A template left out
 * is the operator's default.
 */
final class AccountEndpoints {
    private static final Set<String> KINDS = Set.of("number", "sip", "client");

    private AccountEndpoints() {
    }

    /** An account's own time zone for usage periods: allowed here, read by {@code UsageSettings}. */
    static final String USAGE_TIME_ZONE = "timeZone";

    static void read(JsonNode section, EndpointTemplates defaults, Map<String, EndpointTemplates> into, Path file) {
        if (!section.isObject()) {
            throw new ConfigException("PATCHBAY_CONFIG: 'accounts' in " + file + " must map account SIDs to settings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> account = it.next();
            String sid = account.getKey();
            if (!sid.matches("AC[0-9a-f]{32}")) {
                throw new ConfigException("PATCHBAY_CONFIG: accounts." + sid + " is not an account SID (AC + 32 hex)");
            }
            JsonNode endpoints = account.getValue().path("endpoints");
            account.getValue().fieldNames().forEachRemaining(name -> {
                if (!name.equals("endpoints") && !name.equals(USAGE_TIME_ZONE)) {
                    throw new ConfigException("PATCHBAY_CONFIG: accounts." + sid + " has unknown setting '" + name + "'");
                }
            });
            endpoints.fieldNames().forEachRemaining(kind -> {
                if (!KINDS.contains(kind)) {
                    throw new ConfigException("PATCHBAY_CONFIG: accounts." + sid + ".endpoints has unknown kind '" + kind
                            + "' (known: number, sip, client)");
                }
            });
            into.put(sid, new EndpointTemplates(
                    template(endpoints, "number", "{number}", defaults.number(), sid),
                    template(endpoints, "sip", "{user}", defaults.sip(), sid),
                    template(endpoints, "client", "{identity}", defaults.client(), sid)));
        }
    }

    private static String template(JsonNode endpoints, String kind, String placeholder, String fallback, String sid) {
        JsonNode value = endpoints.get(kind);
        if (value == null) {
            return fallback;
        }
        String raw = value.asText().trim();
        if (!ConfigLoader.isEndpointTemplate(raw)) {
            throw new ConfigException("PATCHBAY_CONFIG: accounts." + sid + ".endpoints." + kind
                    + " must be an Asterisk endpoint like PJSIP/" + placeholder + " (no spaces, commas or &), got '" + raw + "'");
        }
        return raw;
    }
}
