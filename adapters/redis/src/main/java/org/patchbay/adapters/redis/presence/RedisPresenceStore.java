package org.patchbay.adapters.redis.presence;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import org.patchbay.adapters.redis.LuaScript;
import org.patchbay.adapters.redis.RedisCommands;
import org.patchbay.core.json.Json;
import org.patchbay.core.presence.Device;
import org.patchbay.core.presence.PresenceStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Presence in Redis, shared by every node. A device is a JSON string whose key expires with the
 * device, so a dead node's clients vanish by themselves; the identity's and the account's sorted sets
 * (scored by expiry) list them, and {@code list.lua} drops members whose device is gone; an endpoint's
 * set names the devices that claimed it. Every change is one Lua script, so the sets never disagree
 * with the device.
 */
public final class RedisPresenceStore implements PresenceStore {
    private static final LuaScript PUT = LuaScript.resource(RedisPresenceStore.class, "put.lua");
    private static final LuaScript REFRESH = LuaScript.resource(RedisPresenceStore.class, "refresh.lua");
    private static final LuaScript REMOVE = LuaScript.resource(RedisPresenceStore.class, "remove.lua");
    private static final LuaScript LIST = LuaScript.resource(RedisPresenceStore.class, "list.lua");
    private static final LuaScript AT_ENDPOINT = LuaScript.resource(RedisPresenceStore.class, "at-endpoint.lua");

    private final RedisCommands redis;
    private final String prefix;

    public RedisPresenceStore(Vertx vertx, String connectionString, String prefix, Duration timeout) {
        this.redis = new RedisCommands(Redis.createClient(vertx, new RedisOptions().setConnectionString(connectionString)),
                timeout);
        this.prefix = prefix + "presence:";
    }

    private String accountDevices(String accountSid) {
        return prefix + "device:" + accountSid + ':';
    }

    private String identityDevices(String accountSid, String identity) {
        return accountDevices(accountSid) + identity + ':';
    }

    private String endpointIndex() {
        return prefix + "endpoint:";
    }

    private List<String> keys(String accountSid, String identity, String device, String endpoint) {
        List<String> keys = new ArrayList<>(List.of(identityDevices(accountSid, identity) + device,
                prefix + "identity:" + accountSid + ':' + identity, prefix + "account:" + accountSid));
        if (endpoint != null) {
            keys.add(endpointIndex() + endpoint);
        }
        return keys;
    }

    @Override
    public Future<Device> put(Device device, Duration ttl) {
        List<String> keys = keys(device.accountSid(), device.identity(), device.device(), device.endpoint());
        return redis.eval(PUT, keys, List.of(Json.write(device), Long.toString(ttl == null ? 0 : ttl.toMillis()),
                        Long.toString(System.currentTimeMillis()), device.device(), device.identity() + ':' + device.device()))
                .map(RedisPresenceStore::device);
    }

    @Override
    public Future<Boolean> refresh(String accountSid, String identity, String device, Duration ttl) {
        return redis.eval(REFRESH, keys(accountSid, identity, device, null), List.of(Long.toString(ttl.toMillis()),
                        Long.toString(System.currentTimeMillis()), device, identity + ':' + device))
                .map(response -> response != null && response.toInteger() == 1);
    }

    @Override
    public Future<Device> remove(String accountSid, String identity, String device) {
        return redis.eval(REMOVE, keys(accountSid, identity, device, null),
                List.of(device, identity + ':' + device, endpointIndex())).map(RedisPresenceStore::device);
    }

    @Override
    public Future<List<Device>> devices(String accountSid, String identity) {
        return list(prefix + "identity:" + accountSid + ':' + identity, identityDevices(accountSid, identity));
    }

    @Override
    public Future<List<Device>> all(String accountSid) {
        return list(prefix + "account:" + accountSid, accountDevices(accountSid));
    }

    @Override
    public Future<Device> atEndpoint(String endpoint) {
        return redis.eval(AT_ENDPOINT, List.of(endpointIndex() + endpoint), List.of()).map(response -> {
            Device newest = null;
            for (Response item : response) {
                Device d = Json.read(item.toString(), Device.class);
                if (endpoint.equals(d.endpoint()) && (newest == null || d.since().isAfter(newest.since()))) {
                    newest = d;
                }
            }
            return newest;
        });
    }

    private Future<List<Device>> list(String set, String devicePrefix) {
        return redis.eval(LIST, List.of(set), List.of(Long.toString(System.currentTimeMillis()), devicePrefix))
                .map(response -> {
                    List<Device> devices = new ArrayList<>();
                    if (response != null) {
                        response.forEach(item -> devices.add(Json.read(item.toString(), Device.class)));
                    }
                    devices.sort(Device.ORDER);
                    return devices;
                });
    }

    private static Device device(Response response) {
        return response == null ? null : Json.read(response.toString(), Device.class);
    }

    public Future<Void> close() {
        return redis.close();
    }
}
