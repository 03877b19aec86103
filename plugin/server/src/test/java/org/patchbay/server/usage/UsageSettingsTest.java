package org.patchbay.server.usage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.server.config.ConfigException;
import org.patchbay.server.config.ConfigLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Usage settings from the environment and the YAML file: prices, price unit, time zones, dedup window. */
class UsageSettingsTest {
    private static final String PARIS_ACCOUNT = "AC" + "a".repeat(32);

    @TempDir
    Path dir;

    @Test
    void defaultsAreFreeUtcAndAWeek() {
        UsageSettings settings = UsageSettings.from(ConfigLoader.load(Map.of()).settings());
        assertTrue(settings.metering());
        assertEquals(0, settings.prices().priceMicros("calls", 10));
        assertEquals("usd", settings.prices().priceUnit());
        assertEquals(ZoneId.of("UTC"), settings.zoneOf(PARIS_ACCOUNT));
        assertEquals(Duration.ofDays(7), settings.dedupWindow());
    }

    @Test
    void pricesZonesAndAccountsOwnZoneAreRead() throws IOException {
        Path yaml = dir.resolve("patchbay.yaml");
        Files.writeString(yaml, "usage: {timeZone: America/New_York}\naccounts:\n  " + PARIS_ACCOUNT + ": {timeZone: Europe/Paris}\n");
        UsageSettings settings = UsageSettings.from(ConfigLoader.load(Map.of("PATCHBAY_CONFIG", yaml.toString(),
                "PATCHBAY_USAGE_PRICES", "calls-inbound=0.0085, calls-outbound=0.014", "PATCHBAY_USAGE_PRICE_UNIT", "EUR",
                "PATCHBAY_USAGE_METERING", "false")).settings());
        assertEquals(8_500, settings.prices().priceMicros("calls-inbound", 1), "0.0085 a minute, in millionths");
        assertEquals(28_000, settings.prices().priceMicros("calls-outbound", 2));
        assertEquals("eur", settings.prices().priceUnit());
        assertEquals(ZoneId.of("Europe/Paris"), settings.zoneOf(PARIS_ACCOUNT));
        assertEquals(ZoneId.of("America/New_York"), settings.zoneOf("AC" + "b".repeat(32)));
        assertFalse(settings.metering());
    }

    @Test
    void badValuesStopStartUpNamingTheSetting() {
        ConfigException prices = assertThrows(ConfigException.class, () -> UsageSettings.from(
                ConfigLoader.load(Map.of("PATCHBAY_USAGE_PRICES", "calls=cheap")).settings()));
        assertTrue(prices.getMessage().contains("PATCHBAY_USAGE_PRICES"), prices.getMessage());
        ConfigException zone = assertThrows(ConfigException.class, () -> UsageSettings.from(
                ConfigLoader.load(Map.of("PATCHBAY_USAGE_TIME_ZONE", "Mars/Olympus")).settings()));
        assertTrue(zone.getMessage().contains("PATCHBAY_USAGE_TIME_ZONE"), zone.getMessage());
    }
}
