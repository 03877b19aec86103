package org.patchbay.core.presence.memory;

import io.vertx.core.Future;
import org.patchbay.core.presence.Device;
import org.patchbay.core.presence.PresenceStore;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Presence in this process (single node, sandbox): an expired device is dropped when it is next read. */
public final class MemoryPresenceStore implements PresenceStore {
    private record Held(Device device, long expiresAt) {
        boolean live(long now) {
            return expiresAt > now;
        }
    }

    private final ConcurrentHashMap<String, Held> devices = new ConcurrentHashMap<>();

    private static String key(String accountSid, String identity, String device) {
        return accountSid + '\n' + identity + '\n' + device;
    }

    private static long expiry(Duration ttl) {
        return ttl == null ? Long.MAX_VALUE : System.currentTimeMillis() + ttl.toMillis();
    }

    private Device live(String key) {
        Held held = devices.get(key);
        if (held == null) {
            return null;
        }
        if (!held.live(System.currentTimeMillis())) {
            devices.remove(key, held);
            return null;
        }
        return held.device();
    }

    @Override
    public Future<Device> put(Device device, Duration ttl) {
        String key = key(device.accountSid(), device.identity(), device.device());
        Device before = live(key);
        devices.put(key, new Held(device, expiry(ttl)));
        return Future.succeededFuture(before);
    }

    @Override
    public Future<Boolean> refresh(String accountSid, String identity, String device, Duration ttl) {
        String key = key(accountSid, identity, device);
        Device current = live(key);
        if (current != null) {
            devices.put(key, new Held(current, expiry(ttl)));
        }
        return Future.succeededFuture(current != null);
    }

    @Override
    public Future<Device> remove(String accountSid, String identity, String device) {
        String key = key(accountSid, identity, device);
        Device current = live(key);
        devices.remove(key);
        return Future.succeededFuture(current);
    }

    @Override
    public Future<List<Device>> devices(String accountSid, String identity) {
        return Future.succeededFuture(liveWhere(d -> d.accountSid().equals(accountSid) && d.identity().equals(identity)));
    }

    @Override
    public Future<List<Device>> all(String accountSid) {
        return Future.succeededFuture(liveWhere(d -> d.accountSid().equals(accountSid)));
    }

    @Override
    public Future<Device> atEndpoint(String endpoint) {
        List<Device> matching = liveWhere(d -> endpoint.equals(d.endpoint()));
        return Future.succeededFuture(matching.stream().max(Comparator.comparing(Device::since)).orElse(null));
    }

    private List<Device> liveWhere(java.util.function.Predicate<Device> filter) {
        long now = System.currentTimeMillis();
        devices.entrySet().removeIf(entry -> !entry.getValue().live(now));
        return devices.values().stream().map(Held::device).filter(filter).sorted(Device.ORDER).toList();
    }
}
