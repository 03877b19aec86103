package org.patchbay.adapters.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A CIDR block, IPv4 or IPv6, such as {@code 10.0.0.0/8} or {@code fe80::/10}. */
public record AddressRange(byte[] network, int prefixLength, String text) {

    /** @throws IllegalArgumentException with a message naming the bad block */
    public static AddressRange parse(String cidr) {
        String trimmed = cidr.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (!address.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !(address.contains(":") && address.matches("[0-9a-fA-F:.]+"))) {
            // Only literals: a host name here would make parsing do a DNS lookup.
            throw new IllegalArgumentException("not a CIDR block: " + cidr);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a CIDR block: " + cidr);
        }
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR block: " + cidr);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix length out of range in " + cidr);
        }
        return new AddressRange(bytes, prefix, trimmed);
    }

    public boolean contains(InetAddress candidate) {
        byte[] bytes = comparable(candidate.getAddress());
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (bytes[full] & mask) == (network[full] & mask);
    }

    /** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is judged as the IPv4 address it carries. */
    private byte[] comparable(byte[] bytes) {
        if (bytes.length == 16 && network.length == 4 && isMapped(bytes)) {
            return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
        }
        return bytes;
    }

    private static boolean isMapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    @Override
    public String toString() {
        return text;
    }
}
