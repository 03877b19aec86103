package org.patchbay.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.patchbay.core.endpoint.EndpointDirectory;
import org.patchbay.core.endpoint.EndpointTemplates;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Patchbay's configuration from the environment and, when {@code PATCHBAY_CONFIG} names one,
 * a YAML file; the environment wins. Every value is checked here, so a bad one stops start-up with a
 * single line naming the setting rather than a failure deep inside.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-f]{32}");
    /** YAML paths read whole as maps (see {@link SettingValues#section}), not as single settings. */
    static final Set<String> SECTIONS = Set.of("accounts", LimitSettings.RESOURCES);

    private ConfigLoader() {
    }

    public static PatchbayConfig load(Map<String, String> env) {
        Map<Setting, String> values = new HashMap<>();
        Map<String, NumberConfig> numbers = new LinkedHashMap<>();
        Map<String, JsonNode> sections = new HashMap<>();
        String file = env.get("PATCHBAY_CONFIG");
        if (file != null && !file.isBlank()) {
            readYaml(Path.of(file), values, numbers, sections);
        }
        for (Setting setting : Setting.values()) {
            String fromEnv = env.get(setting.env());
            if (fromEnv != null && !fromEnv.isBlank()) {
                values.put(setting, fromEnv.trim());
            }
        }
        PatchbayConfig config = validate(values, numbers, new SettingValues(values, sections));
        JsonNode accounts = sections.get("accounts");
        if (accounts == null) {
            return config;
        }
        Map<String, EndpointTemplates> byAccount = new HashMap<>();
        AccountEndpoints.read(accounts, config.endpoints().defaults(), byAccount, Path.of(file));
        return config.withEndpoints(new EndpointDirectory(config.endpoints().defaults(), byAccount));
    }

    private static String get(Map<Setting, String> values, Setting setting) {
        return values.getOrDefault(setting, setting.defaultValue());
    }

    private static PatchbayConfig validate(Map<Setting, String> values, Map<String, NumberConfig> numbers, SettingValues settings) {
        String host = get(values, Setting.HTTP_HOST);
        int port = settings.integer(Setting.HTTP_PORT, 0, 65535);
        String publicUrl = httpUrl(values, Setting.PUBLIC_URL);
        String ariUrl = httpUrl(values, Setting.ARI_URL);
        String ariPassword = get(values, Setting.ARI_PASSWORD);
        if (ariUrl != null && (ariPassword == null || ariPassword.isBlank())) {
            throw new ConfigException(Setting.ARI_PASSWORD.env() + " is required when " + Setting.ARI_URL.env() + " is set");
        }
        String redisUrl = get(values, Setting.REDIS_URL);
        if (redisUrl != null && !redisUrl.matches("(?i)(redis|rediss|unix)://.+")) {
            throw bad(Setting.REDIS_URL, redisUrl, "a redis://host:port URL");
        }
        String sid = get(values, Setting.ACCOUNT_SID);
        String token = get(values, Setting.AUTH_TOKEN);
        if (sid != null && !ACCOUNT_SID.matcher(sid).matches()) {
            throw bad(Setting.ACCOUNT_SID, sid, "AC followed by 32 lowercase hex digits");
        }
        if ((sid == null) != (token == null)) {
            throw new ConfigException(Setting.ACCOUNT_SID.env() + " and " + Setting.AUTH_TOKEN.env() + " must be set together");
        }
        if (token != null && (token.length() < 16 || token.chars().anyMatch(Character::isWhitespace))) {
            throw new ConfigException(Setting.AUTH_TOKEN.env() + " must be at least 16 characters without spaces");
        }
        String loops = get(values, Setting.EVENT_LOOPS);
        int eventLoops = loops == null ? 2 * Runtime.getRuntime().availableProcessors() : settings.integer(Setting.EVENT_LOOPS, 1, 256);
        EndpointDirectory endpoints = EndpointDirectory.of(new EndpointTemplates(template(values, Setting.ENDPOINT_NUMBER, "{number}"),
                template(values, Setting.ENDPOINT_SIP, "{user}"), template(values, Setting.ENDPOINT_CLIENT, "{identity}")));
        return new PatchbayConfig(host, port, publicUrl, ariUrl, get(values, Setting.ARI_USER), ariPassword,
                nonBlank(values, Setting.ARI_APP), redisUrl, get(values, Setting.REDIS_PREFIX), sid, token,
                Path.of(get(values, Setting.DATA_DIR)), nonBlank(values, Setting.TTS_BINARY),
                get(values, Setting.SOUNDS_DIR) == null ? null : Path.of(get(values, Setting.SOUNDS_DIR)), eventLoops, endpoints,
                settings.bool(Setting.RECORDINGS_PUBLIC), Map.copyOf(numbers), settings);
    }

    /** An endpoint template must name a technology and use its placeholder, else every call would go to one place. */
    private static String template(Map<Setting, String> values, Setting setting, String placeholder) {
        String raw = nonBlank(values, setting);
        if (!isEndpointTemplate(raw)) {
            throw bad(setting, raw, "an Asterisk endpoint like PJSIP/" + placeholder + " (no spaces, commas or &)");
        }
        return raw;
    }

    static boolean isEndpointTemplate(String raw) {
        return raw.contains("/") && raw.contains("{") && !raw.matches(".*[,&\\s].*");
    }

    private static String httpUrl(Map<Setting, String> values, Setting setting) {
        String raw = get(values, setting);
        if (raw == null) {
            return null;
        }
        try {
            URI uri = URI.create(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw bad(setting, raw, "an absolute http:// or https:// URL");
    }

    private static String nonBlank(Map<Setting, String> values, Setting setting) {
        String raw = get(values, setting);
        if (raw == null || raw.isBlank()) {
            throw new ConfigException(setting.env() + " must not be empty");
        }
        return raw;
    }

    private static ConfigException bad(Setting setting, String value, String expected) {
        return SettingValues.bad(setting, value, expected);
    }

    private static void readYaml(Path file, Map<Setting, String> values, Map<String, NumberConfig> numbers,
                                 Map<String, JsonNode> sections) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("PATCHBAY_CONFIG: cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            throw new ConfigException("PATCHBAY_CONFIG: " + file + " must hold a YAML mapping");
        }
        flatten("", root, values, numbers, sections, file);
    }

    /** A YAML list (e.g. of CIDR blocks or keys) reads as its items comma-separated, as the environment variable gives them. */
    private static String listedOrText(JsonNode value) {
        if (!value.isArray()) {
            return value.asText();
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asText()));
        return String.join(",", items);
    }

    private static void flatten(String prefix, JsonNode node, Map<Setting, String> values,
                                Map<String, NumberConfig> numbers, Map<String, JsonNode> sections, Path file) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (path.equals("numbers")) {
                NumberMappings.read(field.getValue(), numbers, file);
            } else if (SECTIONS.contains(path)) {
                sections.put(path, field.getValue());
            } else if (field.getValue().isObject()) {
                flatten(path, field.getValue(), values, numbers, sections, file);
            } else {
                Setting setting = Setting.byYamlPath(path);
                if (setting == null) {
                    throw new ConfigException("PATCHBAY_CONFIG: unknown setting '" + path + "' in " + file);
                }
                values.put(setting, listedOrText(field.getValue()));
            }
        }
    }
}
