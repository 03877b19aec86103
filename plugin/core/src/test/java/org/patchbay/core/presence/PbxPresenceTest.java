package org.patchbay.core.presence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How ARI's endpoint and device states read as presence. */
class PbxPresenceTest {

    @Test
    void endpointStatesAreOnlineOrOfflineAndUnknownSaysNothing() {
        assertEquals(PresenceStatus.available, PbxPresence.endpointStatus("online"));
        assertEquals(PresenceStatus.offline, PbxPresence.endpointStatus("offline"));
        assertNull(PbxPresence.endpointStatus("unknown"));
        assertNull(PbxPresence.endpointStatus(null));
    }

    @Test
    void aDeviceInUseRingingOrOnHoldIsBusy() {
        assertEquals(PresenceStatus.available, PbxPresence.deviceStatus("NOT_INUSE"));
        for (String busy : new String[]{"INUSE", "BUSY", "RINGING", "RINGINUSE", "ONHOLD"}) {
            assertEquals(PresenceStatus.busy, PbxPresence.deviceStatus(busy), busy);
        }
        assertEquals(PresenceStatus.offline, PbxPresence.deviceStatus("UNAVAILABLE"));
        assertEquals(PresenceStatus.offline, PbxPresence.deviceStatus("INVALID"));
        assertNull(PbxPresence.deviceStatus("UNKNOWN"));
    }

    @Test
    void onlyAvailableDevicesWhoseTokenAllowedIncomingAreRung() {
        Device device = new Device("AC1", "alice", "DV1", "PJSIP/alice", PresenceStatus.available, "n", java.time.Instant.now(),
                true, null, null);
        assertEquals(true, device.ringable());
        assertEquals(false, device.withStatus(PresenceStatus.away, java.time.Instant.now()).ringable());
        assertEquals(false, new Device("AC1", "alice", "DV2", "PJSIP/alice", PresenceStatus.available, "n",
                java.time.Instant.now(), false, null, null).ringable());
    }
}
