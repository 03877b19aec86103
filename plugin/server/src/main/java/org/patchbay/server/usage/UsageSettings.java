package org.patchbay.server.usage;

import org.patchbay.core.usage.PriceTable;
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
public record UsageSettings(boolean metering, PriceTable prices, ZoneId timeZone, Duration dedupWindow) {

    public static UsageSettings from(SettingValues values) {
        return new UsageSettings(values.bool(Setting.USAGE_METERING), new PriceTable(prices(values), values.get(Setting.USAGE_PRICE_UNIT).trim().toLowerCase(Locale.ROOT)),
                zone(values), values.duration(Setting.USAGE_DEDUP_WINDOW));
    }

    public static UsageSettings defaults() {
        return new UsageSettings(true, PriceTable.FREE, ZoneId.of("UTC"), Duration.ofDays(7));
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
