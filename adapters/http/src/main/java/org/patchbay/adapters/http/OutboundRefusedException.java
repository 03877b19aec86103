package org.patchbay.adapters.http;

import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;

/**
 * A URL whose resolved address the {@link OutboundPolicy} refuses: no connection was made. Carries
 * 11290, so the core (which cannot see this adapter) tells a refusal from a failure, e.g. for sinks.
 */
public final class OutboundRefusedException extends PatchbayException {

    OutboundRefusedException(String host, String address, AddressRange range) {
        super(502, ErrorCode.OUTBOUND_REFUSED, "refused by the outbound policy: " + host + " is " + address + ", in denied range " + range);
    }
}
