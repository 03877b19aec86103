package org.patchbay.core.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A usage trigger fired: its account's counter reached the trigger's value in a period. The data are
 * the parameters of the trigger's callback ({@code UsageTriggerSid}, {@code CurrentValue}, …).
 */
public record UsageTriggerFired(String accountSid, String triggerSid, Instant time, Map<String, String> parameters)
        implements PlatformEvent {
    public static final EventType TYPE = EventType.of("io.patchbay.usage.trigger.fired");

    public UsageTriggerFired {
        parameters = Map.copyOf(parameters);
    }

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return triggerSid;
    }

    @Override
    public Map<String, Object> data() {
        return new LinkedHashMap<>(parameters);
    }
}
