package org.patchbay.adapters.http;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The address check alone: only address literals, nothing is resolved or connected to. */
class OutboundPolicyTest {

    private static InetAddress literal(String address) throws UnknownHostException {
        return InetAddress.getByName(address);
    }

    @Test
    void alwaysRefusesLinkLocalAndCloudMetadata() throws UnknownHostException {
        OutboundPolicy standard = OutboundPolicy.standard();
        for (String address : new String[] {"169.254.169.254", "169.254.0.1", "169.254.255.255", "fe80::1",
                "febf:ffff::1", "fd00:ec2::254", "100.100.100.200", "0.0.0.0", "::", "::ffff:169.254.169.254"}) {
            assertNotNull(standard.refusing(literal(address)), address + " must be refused");
        }
    }

    @Test
    void letsOrdinaryAddressesThroughByDefault() throws UnknownHostException {
        OutboundPolicy standard = OutboundPolicy.standard();
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "169.253.255.255", "169.255.0.0",
                "8.8.8.8", "fec0::1", "2001:db8::1", "100.100.100.201"}) {
            assertNull(standard.refusing(literal(address)), address + " must be allowed");
        }
    }

    @Test
    void refusesConfiguredRangesAndNamesTheRange() throws UnknownHostException {
        OutboundPolicy policy = OutboundPolicy.denying(" 10.0.0.0/8, 127.0.0.2/32 ,fd00::/8,192.168.1.128/25");

        assertEquals("10.0.0.0/8", policy.refusing(literal("10.255.0.1")).toString());
        assertEquals("127.0.0.2/32", policy.refusing(literal("127.0.0.2")).toString());
        assertEquals("127.0.0.2/32", policy.refusing(literal("::ffff:127.0.0.2")).toString());
        assertEquals("fd00::/8", policy.refusing(literal("fd12:3456::1")).toString());
        assertEquals("192.168.1.128/25", policy.refusing(literal("192.168.1.200")).toString());
        assertNull(policy.refusing(literal("192.168.1.127")));
        assertNull(policy.refusing(literal("127.0.0.1")));
        assertNull(policy.refusing(literal("11.0.0.1")));
        assertNotNull(policy.refusing(literal("169.254.169.254")), "configuring ranges keeps the standard ones");
    }

    @Test
    void rejectsWhatIsNotACidrBlock() {
        assertThrows(IllegalArgumentException.class, () -> OutboundPolicy.denying("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> OutboundPolicy.denying("fe80::/129"));
        assertThrows(IllegalArgumentException.class, () -> OutboundPolicy.denying("example.com/8"));
        assertThrows(IllegalArgumentException.class, () -> OutboundPolicy.denying("10.0.0.0/x"));
        assertNull(OutboundPolicy.denying(" , ").refusing(InetAddress.getLoopbackAddress()));
    }

    @Test
    void anAccountsBlocksAddToTheInstallationsAndNeverRemoveAny() throws UnknownHostException {
        OutboundPolicy installation = OutboundPolicy.denying("10.0.0.0/8");
        OutboundPolicy account = installation.and(java.util.List.of(AddressRange.parse("127.0.0.2/32")));

        assertEquals("127.0.0.2/32", account.refusing(literal("127.0.0.2")).text());
        assertEquals("10.0.0.0/8", account.refusing(literal("10.1.2.3")).text(), "the installation's block still holds");
        assertEquals("169.254.0.0/16", account.refusing(literal("169.254.169.254")).text(), "so do the always-refused ones");
        assertNull(account.refusing(literal("127.0.0.1")));
        assertNull(installation.refusing(literal("127.0.0.2")), "the installation's own policy is unchanged");
    }
}
