package org.patchbay.server.events;

import org.patchbay.server.config.Setting;
import org.patchbay.server.config.SettingValues;

import java.time.Duration;

/** The event router's settings, read and checked once at start-up. */
public record EventSettings(Duration retention, int memoryCapacity, int partitions) {

    public static EventSettings from(SettingValues values) {
        return new EventSettings(values.duration(Setting.EVENTS_RETENTION),
                values.integer(Setting.EVENTS_MEMORY_CAPACITY, 100, 10_000_000),
                values.integer(Setting.EVENTS_PARTITIONS, 1, 64));
    }
}
