package org.patchbay.server.usage;

import com.fasterxml.jackson.databind.JsonNode;
import org.patchbay.core.usage.PriceTable;
import org.patchbay.server.config.ConfigException;
import org.patchbay.server.config.Setting;
import org.patchbay.server.config.SettingValues;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Usage settings, read and checked once at start-up: whether to count, prices, their currency, the time zone and the dedup window. */
public record UsageSettings(boolean metering, PriceTable prices, ZoneId timeZone, Map<String, ZoneId> accountZones,
                            Duration dedupWindow) {

    /** An account's own time zone in the YAML {@code accounts:} section. */
    static final String TIME_ZONE = "timeZone";

    public UsageSettings {
        accountZones = Map.copyOf(accountZones);
    }

    public static UsageSettings from(SettingValues values) {
        return new UsageSettings(values.bool(Setting.USAGE_METERING),
                new PriceTable(prices(values), values.get(Setting.USAGE_PRICE_UNIT).trim().toLowerCase(Locale.ROOT)),
                zone(values), accountZones(values.section("accounts")), values.duration(Setting.USAGE_DEDUP_WINDOW));
    }

    public static UsageSettings defaults() {
        return new UsageSettings(true, PriceTable.FREE, ZoneId.of("UTC"), Map.of(), Duration.ofDays(7));
    }

    /** The time zone of an account's usage periods: its own ({@code accounts: {AC…: {timeZone: …}}}), else the default. */
    public ZoneId zoneOf(String accountSid) {
        return accountZones.getOrDefault(accountSid, timeZone);
    }

    private static Map<String, ZoneId> accountZones(JsonNode accounts) {
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        if (accounts == null || !accounts.isObject()) {
            return zones;
        }
        accounts.fields().forEachRemaining(account -> {
            JsonNode zone = account.getValue().get(TIME_ZONE);
            if (zone != null) {
                try {
                    zones.put(account.getKey(), ZoneId.of(zone.asText().trim()));
                } catch (DateTimeException e) {
                    throw new ConfigException("PATCHBAY_CONFIG: accounts." + account.getKey() + ".timeZone must be a time zone "
                            + "such as UTC or Europe/Paris, got '" + zone.asText() + "'");
                }
            }
        });
        return zones;
    }

    private static Map<String, BigDecimal> prices(SettingValues values) {
        String raw = values.get(Setting.USAGE_PRICES);
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return prices;
        }
        for (String entry : raw.split(",")) {
            String[] pair = entry.trim().split("=", 2);
            try {
                BigDecimal price = new BigDecimal(pair[1].trim());
                if (pair[0].isBlank() || price.signum() < 0) {
                    throw new NumberFormatException();
                }
                prices.put(pair[0].trim(), price);
            } catch (RuntimeException e) {
                throw SettingValues.bad(Setting.USAGE_PRICES, raw, "category=price pairs separated by commas");
            }
        }
        return prices;
    }

    private static ZoneId zone(SettingValues values) {
        String raw = values.get(Setting.USAGE_TIME_ZONE);
        try {
            return ZoneId.of(raw.trim());
        } catch (DateTimeException | NullPointerException e) {
            throw SettingValues.bad(Setting.USAGE_TIME_ZONE, raw, "a time zone such as UTC or Europe/Paris");
        }
    }
}
