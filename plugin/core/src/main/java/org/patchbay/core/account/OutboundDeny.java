package org.patchbay.core.account;

import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;

import java.time.Instant;
import java.util.List;

/**
 * The address blocks (CIDR, as text) an account's fetches and callbacks may not go to, on top of the
 * installation's outbound request policy. Set by the main account, for itself (which binds its
 * subaccounts too) or for one subaccount; kept under the account's own SID.
 */
public record OutboundDeny(String sid, List<String> deniedRanges, Instant dateCreated, Instant dateUpdated) implements Resource {
    public static final ResourceKind<OutboundDeny> KIND = ResourceKind.of("outbound-deny", OutboundDeny.class);

    public OutboundDeny {
        deniedRanges = List.copyOf(deniedRanges);
    }

    @Override
    public String accountSid() {
        return sid;
    }
}
