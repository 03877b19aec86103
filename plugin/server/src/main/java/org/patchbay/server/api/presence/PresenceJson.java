package org.patchbay.server.api.presence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.presence.Device;
import org.patchbay.core.presence.PresenceStatus;

import java.util.List;

/** A client identity and its devices, in the snake_case of Twilio's v1 APIs. */
final class PresenceJson {
    private PresenceJson() {
    }

    /** An identity is as present as its most present device: available, then busy, then away. */
    static PresenceStatus statusOf(List<Device> devices) {
        return devices.stream().map(Device::status).min(Enum::compareTo).orElse(PresenceStatus.offline);
    }

    static JsonObject client(String accountSid, String identity, List<Device> devices) {
        JsonArray list = new JsonArray();
        devices.forEach(d -> list.add(new JsonObject()
                .put("device", d.device())
                .put("status", d.status().name())
                .put("endpoint", d.endpoint())
                .put("node", d.node())
                .put("source", d.fromPbx() ? "pbx" : "client")
                .put("incoming_allowed", d.incoming())
                .put("since", d.since().toString())));
        return new JsonObject()
                .put("account_sid", accountSid)
                .put("identity", identity)
                .put("status", statusOf(devices).name())
                .put("devices", list)
                .put("url", "/v1/Presence/Clients/" + identity);
    }
}
