package org.patchbay.server.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Every setting's value as configured (environment over YAML over default) and the YAML sections that
 * are maps rather than single values. Subsystems read their own settings from here through small typed
 * readers ({@code XxxSettings.from(values)}), each failing with one line that names the setting.
 */
public final class SettingValues {
    private final Map<Setting, String> values;
    private final Map<String, JsonNode> sections;

    SettingValues(Map<Setting, String> values, Map<String, JsonNode> sections) {
        this.values = Map.copyOf(values);
        this.sections = Map.copyOf(sections);
    }

    public static SettingValues defaults() {
        return new SettingValues(Map.of(), Map.of());
    }

    /** The configured value, else the setting's default (which may be null). */
    public String get(Setting setting) {
        return values.getOrDefault(setting, setting.defaultValue());
    }

    /** A YAML section read whole (see {@link ConfigLoader#SECTIONS}), or null when the file has none. */
    public JsonNode section(String yamlPath) {
        return sections.get(yamlPath);
    }

    public int integer(Setting setting, int min, int max) {
        String raw = get(setting);
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException | NullPointerException ignored) {
            // reported below with the accepted range
        }
        throw bad(setting, raw, "a whole number from " + min + " to " + max);
    }

    public boolean bool(Setting setting) {
        String raw = String.valueOf(get(setting)).trim().toLowerCase(Locale.ROOT);
        if (raw.equals("true") || raw.equals("false")) {
            return raw.equals("true");
        }
        throw bad(setting, raw, "true or false");
    }

    /** A duration written as whole seconds, or with a unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 4h}, {@code 13d}. */
    public Duration duration(Setting setting) {
        String raw = String.valueOf(get(setting)).trim().toLowerCase(Locale.ROOT);
        try {
            if (raw.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(raw.substring(0, raw.length() - 2)));
            }
            char unit = raw.charAt(raw.length() - 1);
            String number = Character.isDigit(unit) ? raw : raw.substring(0, raw.length() - 1);
            long amount = Long.parseLong(number);
            Duration value = switch (unit) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> Duration.ofSeconds(amount);
            };
            if (!value.isNegative()) {
                return value;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException ignored) {
            // reported below with the accepted forms
        }
        throw bad(setting, raw, "a duration such as 30s, 5m, 4h or 13d");
    }

    /** One of a fixed set of words, compared without regard to case. */
    public String oneOf(Setting setting, String... allowed) {
        String raw = String.valueOf(get(setting)).trim().toLowerCase(Locale.ROOT);
        for (String word : allowed) {
            if (word.equals(raw)) {
                return word;
            }
        }
        throw bad(setting, raw, "one of " + String.join(", ", allowed));
    }

    public static ConfigException bad(Setting setting, String value, String expected) {
        return new ConfigException(setting.env() + " (" + setting.yamlPath() + ") must be " + expected + ", got '" + value + "'");
    }
}
