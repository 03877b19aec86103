package org.patchbay.server.events;

import org.patchbay.core.events.Backoff;
import org.patchbay.core.events.delivery.DeliveryPolicy;
import org.patchbay.server.config.Setting;
import org.patchbay.server.config.SettingValues;

import java.time.Duration;

/** The event router's settings, read and checked once at start-up. */
public record EventSettings(Duration retention, int memoryCapacity, int partitions, Duration sinkTimeout, DeliveryPolicy delivery) {

    public static EventSettings from(SettingValues values) {
        Duration first = positive(values, Setting.EVENTS_RETRY_FIRST_DELAY);
        Duration max = positive(values, Setting.EVENTS_RETRY_MAX_DELAY);
        if (max.compareTo(first) < 0) {
            throw SettingValues.bad(Setting.EVENTS_RETRY_MAX_DELAY, values.get(Setting.EVENTS_RETRY_MAX_DELAY),
                    "at least " + Setting.EVENTS_RETRY_FIRST_DELAY.env());
        }
        DeliveryPolicy delivery = new DeliveryPolicy(new Backoff(first, max), values.duration(Setting.EVENTS_RETRY_FOR),
                values.integer(Setting.EVENTS_SINK_FAILED_AFTER, 1, 1_000), positive(values, Setting.EVENTS_SINK_REFRESH));
        return new EventSettings(positive(values, Setting.EVENTS_RETENTION),
                values.integer(Setting.EVENTS_MEMORY_CAPACITY, 100, 10_000_000),
                values.integer(Setting.EVENTS_PARTITIONS, 1, 64), positive(values, Setting.EVENTS_SINK_TIMEOUT), delivery);
    }

    private static Duration positive(SettingValues values, Setting setting) {
        Duration value = values.duration(setting);
        if (value.isZero()) {
            throw SettingValues.bad(setting, values.get(setting), "longer than zero");
        }
        return value;
    }

}
