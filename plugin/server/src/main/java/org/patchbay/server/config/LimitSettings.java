package org.patchbay.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.patchbay.core.limits.LimitDefaults;
import org.patchbay.core.limits.RedisDownPolicy;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configured limits: the {@code PATCHBAY_LIMIT_*} settings and the YAML {@code limits.resources}
 * section, API requests in flight per account for one resource type on top of the account-wide
 * threshold, e.g. {@code limits: {resources: {Calls: 20, Recordings: 5}}}.
 */
public final class LimitSettings {
    static final String RESOURCES = "limits.resources";

    private LimitSettings() {
    }

    public static LimitDefaults from(SettingValues settings) {
        Duration lease = settings.duration(Setting.LIMIT_LEASE);
        if (lease.toMillis() < 100) {
            throw SettingValues.bad(Setting.LIMIT_LEASE, settings.get(Setting.LIMIT_LEASE), "at least 100ms");
        }
        Duration queueTimeout = settings.duration(Setting.LIMIT_QUEUE_TIMEOUT);
        if (queueTimeout.isZero()) {
            throw SettingValues.bad(Setting.LIMIT_QUEUE_TIMEOUT, settings.get(Setting.LIMIT_QUEUE_TIMEOUT), "longer than 0");
        }
        return new LimitDefaults(settings.integer(Setting.LIMIT_API_CONCURRENCY, 0, 1_000_000), resources(settings.section(RESOURCES)),
                settings.integer(Setting.LIMIT_CALLS_CONCURRENT, 0, 1_000_000), settings.integer(Setting.LIMIT_CALLS_CPS, 0, 10_000),
                RedisDownPolicy.parse(settings.oneOf(Setting.LIMIT_REDIS_DOWN, "open", "closed")), lease, queueTimeout);
    }

    /** Where the limits are counted: their own Redis, else the store's, else null (in this process). */
    public static String redisUrl(SettingValues settings, String storeRedisUrl) {
        String own = settings.get(Setting.LIMIT_REDIS_URL);
        if (own == null || own.isBlank()) {
            return storeRedisUrl;
        }
        if (!own.matches("(?i)(redis|rediss|unix)://.+")) {
            throw SettingValues.bad(Setting.LIMIT_REDIS_URL, own, "a redis://host:port URL");
        }
        return own.trim();
    }

    private static Map<String, Integer> resources(JsonNode section) {
        Map<String, Integer> byResource = new TreeMap<>();
        if (section == null) {
            return byResource;
        }
        if (!section.isObject()) {
            throw new ConfigException("PATCHBAY_CONFIG: '" + RESOURCES + "' must map resource types (e.g. Calls) to thresholds");
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
