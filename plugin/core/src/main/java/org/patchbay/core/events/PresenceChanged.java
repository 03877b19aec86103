package org.patchbay.core.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A device of a client identity changed status: it registered, set its status, went away or was seen
 * by the PBX. The subject is the identity (a client has no SID).
 */
public record PresenceChanged(String accountSid, String identity, String device, String endpoint, String oldStatus,
                              String newStatus, Instant time) implements PlatformEvent {
    public static final EventType TYPE = EventType.of("io.patchbay.presence.changed");

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return identity;
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("AccountSid", accountSid);
        data.put("Identity", identity);
        data.put("Device", device);
        data.put("Endpoint", endpoint == null ? "" : endpoint);
        data.put("OldStatus", oldStatus);
        data.put("NewStatus", newStatus);
        return data;
    }
}
