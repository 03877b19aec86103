package org.patchbay.testkit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.presence.Device;
import org.patchbay.core.presence.PresenceStatus;
import org.patchbay.core.presence.PresenceStore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link PresenceStore} promises, run against each implementation: extend it and return
 * a fresh, empty store from {@link #newStore()} ({@link #vertx()} is ready by then).
 */
public abstract class PresenceContract {
    private static final String ACCOUNT = SampleRecords.sid("AC", 1);
    private static final String OTHER = SampleRecords.sid("AC", 2);
    private static final Duration LONG = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Vertx vertx;
    private PresenceStore store;

    protected abstract PresenceStore newStore();

    /** Closes what {@link #newStore()} opened. */
    protected abstract Future<Void> close(PresenceStore store);

    protected final Vertx vertx() {
        return vertx;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("presence operation did not complete within 10s", e);
        }
    }

    private static Device device(String account, String identity, String id, String endpoint, int secondsAfterT0) {
        return new Device(account, identity, id, endpoint, PresenceStatus.available, "node-1", T0.plusSeconds(secondsAfterT0),
                true, SampleRecords.sid("AP", 1), Map.of("team", "sales"));
    }

    @BeforeEach
    final void open() {
        vertx = Vertx.vertx();
        store = newStore();
    }

    @AfterEach
    final void shut() {
        try {
            await(close(store));
        } finally {
            await(vertx.close());
        }
    }

    @Test
    void aDeviceReadsBackWithAllItsFieldsAndReplacingItReturnsWhatWasThere() {
        Device desk = device(ACCOUNT, "alice", "d1", "PJSIP/alice-desk", 0);
        assertNull(await(store.put(desk, LONG)));
        assertEquals(List.of(desk), await(store.devices(ACCOUNT, "alice")));
        Device busy = desk.withStatus(PresenceStatus.busy, T0.plusSeconds(5));
        assertEquals(desk, await(store.put(busy, LONG)));
        assertEquals(List.of(busy), await(store.devices(ACCOUNT, "alice")));
    }

    @Test
    void devicesAreListedPerIdentityAndPerAccountOnly() {
        Device second = device(ACCOUNT, "alice", "d2", "PJSIP/alice-phone", 2);
        Device first = device(ACCOUNT, "alice", "d1", "PJSIP/alice-desk", 1);
        Device bob = device(ACCOUNT, "bob", "d3", "PJSIP/bob", 0);
        Device stranger = device(OTHER, "alice", "d4", "PJSIP/other-alice", 0);
        for (Device d : List.of(second, first, bob, stranger)) {
            await(store.put(d, LONG));
        }
        assertEquals(List.of(first, second), await(store.devices(ACCOUNT, "alice")));
        assertEquals(List.of(first, second, bob), await(store.all(ACCOUNT)));
        assertEquals(List.of(stranger), await(store.all(OTHER)));
        assertEquals(List.of(), await(store.devices(ACCOUNT, "carol")));
    }

    @Test
    void removingReturnsTheDeviceOnceAndFreesItsEndpoint() {
        Device desk = device(ACCOUNT, "alice", "d1", "PJSIP/alice-desk", 0);
        await(store.put(desk, LONG));
        assertEquals(desk, await(store.atEndpoint("PJSIP/alice-desk")));
        assertEquals(desk, await(store.remove(ACCOUNT, "alice", "d1")));
        assertNull(await(store.remove(ACCOUNT, "alice", "d1")));
        assertNull(await(store.atEndpoint("PJSIP/alice-desk")));
        assertEquals(List.of(), await(store.all(ACCOUNT)));
    }

    @Test
    void anEndpointNamesTheDeviceThatClaimedItLastAndOnlyWhileItStillRingsThere() {
        Device desk = device(ACCOUNT, "alice", "d1", "PJSIP/shared", 0);
        Device moved = device(ACCOUNT, "bob", "d2", "PJSIP/shared", 1);
        await(store.put(desk, LONG));
        await(store.put(moved, LONG));
        assertEquals(moved, await(store.atEndpoint("PJSIP/shared")));
        Device elsewhere = device(ACCOUNT, "bob", "d2", "PJSIP/bob-new", 2);
        await(store.put(elsewhere, LONG));
        assertEquals(elsewhere, await(store.atEndpoint("PJSIP/bob-new")));
        assertEquals(desk, await(store.atEndpoint("PJSIP/shared")), "bob's device moved away: alice's is there still");
    }

    @Test
    void aDeviceNotRefreshedExpiresAndARefreshedOneStays() throws InterruptedException {
        Duration shortly = Duration.ofMillis(400);
        await(store.put(device(ACCOUNT, "alice", "kept", "PJSIP/a1", 0), shortly));
        await(store.put(device(ACCOUNT, "alice", "dropped", "PJSIP/a2", 1), shortly));
        for (int i = 0; i < 4; i++) {
            Thread.sleep(150);
            assertTrue(await(store.refresh(ACCOUNT, "alice", "kept", shortly)));
        }
        assertEquals(List.of("kept"), await(store.devices(ACCOUNT, "alice")).stream().map(Device::device).toList());
        assertEquals(1, await(store.all(ACCOUNT)).size());
        assertNull(await(store.atEndpoint("PJSIP/a2")));
        assertFalse(await(store.refresh(ACCOUNT, "alice", "dropped", shortly)));
    }

    @Test
    void aDeviceWithoutExpiryStaysUntilRemoved() throws InterruptedException {
        Device pbx = new Device(ACCOUNT, "desk", "PJSIP/desk", "PJSIP/desk", PresenceStatus.available, null, T0, true, null,
                Map.of());
        await(store.put(pbx, null));
        Thread.sleep(200);
        assertEquals(List.of(pbx), await(store.devices(ACCOUNT, "desk")));
        assertEquals(pbx, await(store.atEndpoint("PJSIP/desk")));
    }
}
