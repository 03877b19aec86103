package org.patchbay.core.presence;

import io.vertx.core.Future;
import org.patchbay.core.events.EventPublisher;
import org.patchbay.core.events.PresenceChanged;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The rules of presence over its store: who is present, every change published as
 * {@code io.patchbay.presence.changed}, and the {@code incoming} signal to a client being rung.
 * A client's device lasts {@link #expiry()} past its last heartbeat; the PBX's view lasts until the
 * PBX says the endpoint went offline.
 */
public final class Presence {
    private final PresenceStore store;
    private final DeviceSignals signals;
    private final EventPublisher events;
    private final Duration expiry;
    private final String node;

    public Presence(PresenceStore store, DeviceSignals signals, EventPublisher events, Duration expiry, String node) {
        this.store = store;
        this.signals = signals;
        this.events = events;
        this.expiry = expiry;
        this.node = node;
    }

    public Duration expiry() {
        return expiry;
    }

    public String node() {
        return node;
    }

    public DeviceSignals signals() {
        return signals;
    }

    /** Registers a client's device, or changes its status: the same call, since a put replaces. */
    public Future<Device> register(Device device) {
        return store.put(device, device.fromPbx() ? null : expiry).map(before -> {
            changed(before == null ? PresenceStatus.offline : before.status(), device);
            return device;
        });
    }

    /** @return false when the device had expired meanwhile (its client must register again) */
    public Future<Boolean> heartbeat(Device device) {
        return store.refresh(device.accountSid(), device.identity(), device.device(), expiry);
    }

    public Future<Void> unregister(Device device) {
        return store.remove(device.accountSid(), device.identity(), device.device()).map(removed -> {
            if (removed != null) {
                changed(removed.status(), removed.withStatus(PresenceStatus.offline, Instant.now()));
            }
            return null;
        });
    }

    /** What the PBX reports of an endpoint mapped to {@code identity}: offline removes its device. */
    public Future<Void> seenByPbx(String accountSid, String identity, String endpoint, PresenceStatus status) {
        if (status == PresenceStatus.offline) {
            return unregister(new Device(accountSid, identity, endpoint, endpoint, status, null, Instant.now(), true, null, null));
        }
        return store.devices(accountSid, identity).compose(devices -> {
            boolean same = devices.stream().anyMatch(d -> d.fromPbx() && d.device().equals(endpoint) && d.status() == status);
            return same ? Future.succeededFuture()
                    : register(new Device(accountSid, identity, endpoint, endpoint, status, null, Instant.now(), true, null, null))
                    .mapEmpty();
        });
    }

    /** The devices a {@code <Dial><Client>} rings: available, and allowed incoming calls by their token. */
    public Future<List<Device>> ringable(String accountSid, String identity) {
        return store.devices(accountSid, identity).map(devices -> devices.stream().filter(Device::ringable).toList());
    }

    public Future<List<Device>> devices(String accountSid, String identity) {
        return store.devices(accountSid, identity);
    }

    public Future<List<Device>> all(String accountSid) {
        return store.all(accountSid);
    }

    /** The registered client whose endpoint placed a call, if its token granted outgoing calls. */
    public Future<Device> caller(String endpoint) {
        return store.atEndpoint(endpoint).map(d -> d != null && !d.fromPbx() && d.outgoingApplicationSid() != null ? d : null);
    }

    /** Tells a client's socket that a call is ringing its device (the PBX's own devices have no socket). */
    public void ringing(Device device, String callSid, String from) {
        if (!device.fromPbx()) {
            signals.send(device.node(), new DeviceSignals.Signal(device.accountSid(), device.identity(), device.device(),
                    Map.of("type", "incoming", "callSid", callSid, "from", from == null ? "" : from)));
        }
    }

    private void changed(PresenceStatus before, Device after) {
        if (before != after.status()) {
            events.publish(new PresenceChanged(after.accountSid(), after.identity(), after.device(), after.endpoint(),
                    before.name(), after.status().name(), Instant.now()));
        }
    }
}
