package org.patchbay.core.presence;

import io.vertx.core.Future;
import org.patchbay.core.endpoint.EndpointDirectory;
import org.patchbay.core.telephony.Telephony;
import org.patchbay.core.telephony.TelephonyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Asterisk's own view of presence: a SIP phone registering or dropping off (EndpointStateChange) and
 * its device going in and out of use (DeviceStateChanged) update the identity the client template
 * maps the endpoint to, so a desk phone with no app is present or absent all the same.
 */
public final class PbxPresence {
    private static final Logger LOG = LoggerFactory.getLogger(PbxPresence.class);

    private final Presence presence;
    private final EndpointDirectory endpoints;
    private final String mainAccountSid;
    private final Telephony telephony;

    public PbxPresence(Presence presence, EndpointDirectory endpoints, String mainAccountSid, Telephony telephony) {
        this.presence = presence;
        this.endpoints = endpoints;
        this.mainAccountSid = mainAccountSid;
        this.telephony = telephony;
    }

    /**
     * On every (re)connection: subscribe to the technology's endpoint events, then read the endpoints'
     * current states, so phones that registered while Patchbay was away are present too.
     */
    public Future<Void> watch(String technology) {
        return telephony.subscribe("endpoint:" + technology)
                .compose(v -> telephony.endpoints(technology))
                .onSuccess(states -> states.forEach(this::on))
                .onFailure(e -> LOG.warn("presence: cannot watch {} endpoints: {}", technology, e.getMessage()))
                .mapEmpty();
    }

    public void on(TelephonyEvent event) {
        if (event instanceof TelephonyEvent.EndpointStateChanged changed) {
            PresenceStatus status = endpointStatus(changed.state());
            if (status != null && seen(changed.endpoint(), status) && status != PresenceStatus.offline) {
                telephony.subscribe("deviceState:" + changed.endpoint())
                        .onFailure(e -> LOG.debug("no device state for {}: {}", changed.endpoint(), e.getMessage()));
            }
        } else if (event instanceof TelephonyEvent.DeviceStateChanged changed) {
            PresenceStatus status = deviceStatus(changed.state());
            if (status != null) {
                seen(changed.device(), status);
            }
        }
    }

    private boolean seen(String endpoint, PresenceStatus status) {
        Map.Entry<String, String> client = endpoints.clientAt(endpoint, mainAccountSid).orElse(null);
        if (client == null) {
            return false;
        }
        presence.seenByPbx(client.getKey(), client.getValue(), endpoint, status)
                .onFailure(e -> LOG.warn("presence of {} not updated: {}", endpoint, e.getMessage()));
        return true;
    }

    static PresenceStatus endpointStatus(String state) {
        return switch (state == null ? "" : state) {
            case "online" -> PresenceStatus.available;
            case "offline" -> PresenceStatus.offline;
            default -> null;
        };
    }

    /** In use, ringing or on hold is busy; UNKNOWN says nothing; INVALID and UNAVAILABLE are gone. */
    static PresenceStatus deviceStatus(String state) {
        return switch (state == null ? "" : state) {
            case "NOT_INUSE" -> PresenceStatus.available;
            case "INUSE", "BUSY", "RINGING", "RINGINUSE", "ONHOLD" -> PresenceStatus.busy;
            case "UNAVAILABLE", "INVALID" -> PresenceStatus.offline;
            default -> null;
        };
    }
}
