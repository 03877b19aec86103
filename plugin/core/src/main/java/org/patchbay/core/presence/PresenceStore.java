package org.patchbay.core.presence;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.List;

/**
 * Where presence lives: every node reads the same devices. A device is kept for {@code ttl} after
 * its last put or refresh, so a client that vanished, or whose node died, is gone within it; a null
 * ttl keeps it until removed (the PBX's own view, which ends with an endpoint going offline).
 */
public interface PresenceStore {

    /** Creates or replaces the device; completes with what was there before, or null. */
    Future<Device> put(Device device, Duration ttl);

    /** Keeps the device for another {@code ttl}; false when it had already expired or been removed. */
    Future<Boolean> refresh(String accountSid, String identity, String device, Duration ttl);

    /** Completes with the removed device, or null when there was none. */
    Future<Device> remove(String accountSid, String identity, String device);

    /** The identity's live devices, oldest first. */
    Future<List<Device>> devices(String accountSid, String identity);

    /** Every live device of the account, by identity then age. */
    Future<List<Device>> all(String accountSid);

    /** The live device that rings at {@code endpoint} (the newest if several claimed it), or null. */
    Future<Device> atEndpoint(String endpoint);
}
