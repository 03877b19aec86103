package org.patchbay.adapters.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Which addresses Patchbay may connect to when it fetches or calls an account's URL. Link-local
 * ranges and the cloud metadata addresses are always refused: they let any account read the
 * operator's instance credentials. The operator adds further ranges (private networks, Asterisk's
 * own host) with {@code PATCHBAY_OUTBOUND_DENY}.
 */
public final class OutboundPolicy {
    static final List<AddressRange> ALWAYS_REFUSED = List.of(
            AddressRange.parse("169.254.0.0/16"),     // IPv4 link-local, AWS/GCP/Azure metadata 169.254.169.254
            AddressRange.parse("fe80::/10"),          // IPv6 link-local
            AddressRange.parse("fd00:ec2::254/128"),  // AWS metadata over IPv6
            AddressRange.parse("100.100.100.200/32"), // Alibaba Cloud metadata
            AddressRange.parse("0.0.0.0/8"),          // "this host": connects to a local service
            AddressRange.parse("::/128"));

    private final List<AddressRange> denied;

    private OutboundPolicy(List<AddressRange> configured) {
        List<AddressRange> all = new ArrayList<>(ALWAYS_REFUSED);
        all.addAll(configured);
        this.denied = List.copyOf(all);
    }

    /** Only the always-refused ranges. */
    public static OutboundPolicy standard() {
        return new OutboundPolicy(List.of());
    }

    /** @param commaSeparated CIDR blocks; null or blank adds none */
    public static OutboundPolicy denying(String commaSeparated) {
        List<AddressRange> configured = new ArrayList<>();
        if (commaSeparated != null) {
            for (String block : commaSeparated.split(",")) {
                if (!block.isBlank()) {
                    configured.add(AddressRange.parse(block));
                }
            }
        }
        return new OutboundPolicy(configured);
    }

    /** This policy with further blocks refused: an account's own, on top of the installation's. */
    public OutboundPolicy and(List<AddressRange> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<AddressRange> all = new ArrayList<>(denied.subList(ALWAYS_REFUSED.size(), denied.size()));
        all.addAll(more);
        return new OutboundPolicy(all);
    }

    /** The refused range the address is in, or null when it may be connected to. */
    public AddressRange refusing(InetAddress address) {
        for (AddressRange range : denied) {
            if (range.contains(address)) {
                return range;
            }
        }
        return null;
    }
}
