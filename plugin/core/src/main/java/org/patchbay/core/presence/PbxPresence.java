package org.patchbay.core.presence;

import io.vertx.core.Future;
import org.patchbay.core.endpoint.EndpointDirectory;
import org.patchbay.core.telephony.Telephony;
import org.patchbay.core.telephony.TelephonyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    /** Device state events seen per device, so a read of the state never overrides a newer event. */
    private final Map<String, Long> deviceChanges = new ConcurrentHashMap<>();

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
        return telephony.watch("endpoint:" + technology)
                .compose(v -> telephony.endpoints(technology))
                .onSuccess(states -> states.forEach(this::on))
                .onFailure(e -> LOG.warn("presence: cannot watch {} endpoints: {}", technology, e.getMessage()))
                .mapEmpty();
    }

    public void on(TelephonyEvent event) {
        if (event instanceof TelephonyEvent.EndpointStateChanged changed) {
            PresenceStatus status = endpointStatus(changed.state());
            if (status != null && seen(changed.endpoint(), status) && status != PresenceStatus.offline) {
                watchDevice(changed.endpoint());
            }
        } else if (event instanceof TelephonyEvent.DeviceStateChanged changed) {
            deviceChanges.merge(changed.device(), 1L, Long::sum);
            deviceState(changed.device(), changed.state());
        }
    }

    /**
     * Asterisk sends no device state from before a subscription, so the state is read once subscribed: a phone that
     * went in use meanwhile is busy at once. A change that arrives while the read is under way is newer than it.
     */
    private void watchDevice(String device) {
        telephony.watch("deviceState:" + device).compose(subscribed -> {
            long changesBefore = deviceChanges.getOrDefault(device, 0L);
            return telephony.deviceState(device).onSuccess(state -> {
                if (deviceChanges.getOrDefault(device, 0L) == changesBefore) {
                    deviceState(device, state);
                }
            });
        }).onFailure(e -> LOG.debug("no device state for {}: {}", device, e.getMessage()));
    }

    private void deviceState(String device, String state) {
        PresenceStatus status = deviceStatus(state);
        if (status != null) {
            seen(device, status);
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
