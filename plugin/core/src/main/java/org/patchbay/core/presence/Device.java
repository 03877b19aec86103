package org.patchbay.core.presence;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/**
 * One place where an identity can be reached: a registered client application (its WebSocket on
 * {@code node}) or a PBX endpoint that Asterisk reports online.
 *
 * @param device       unique within the identity: a generated id for a client, the endpoint for the PBX's view
 * @param endpoint     the Asterisk endpoint that rings it, e.g. {@code PJSIP/alice-desk}
 * @param node         the Patchbay node holding the client's socket; null for the PBX's view
 * @param incoming     whether the token allowed incoming calls (the PBX's view always does)
 * @param outgoingApplicationSid the application a call placed from this endpoint runs, or null
 * @param params       the outgoing grant's parameters, sent with that application's requests
 */
public record Device(String accountSid, String identity, String device, String endpoint, PresenceStatus status,
                     String node, Instant since, boolean incoming, String outgoingApplicationSid,
                     Map<String, String> params) {
    /** How listings order devices: by identity, then oldest first. */
    public static final Comparator<Device> ORDER = Comparator.comparing(Device::identity).thenComparing(Device::since)
            .thenComparing(Device::device);

    public Device {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public boolean fromPbx() {
        return node == null;
    }

    public boolean ringable() {
        return status == PresenceStatus.available && incoming;
    }

    public Device withStatus(PresenceStatus newStatus, Instant at) {
        return new Device(accountSid, identity, device, endpoint, newStatus, node, at, incoming, outgoingApplicationSid, params);
    }
}
