package org.patchbay.adapters.http;

/** A URL whose resolved address the {@link OutboundPolicy} refuses: no connection was made. */
public final class OutboundRefusedException extends RuntimeException {

    OutboundRefusedException(String host, String address, AddressRange range) {
        super("refused by the outbound policy: " + host + " is " + address + ", in denied range " + range, null, false, false);
    }
}
