package org.patchbay.server.config;

import org.patchbay.adapters.http.OutboundPolicy;

/** The outbound request policy from {@link Setting#OUTBOUND_DENY}; a bad block stops start-up. */
public final class OutboundSettings {

    private OutboundSettings() {
    }

    public static OutboundPolicy policy(SettingValues settings) {
        String blocks = settings.get(Setting.OUTBOUND_DENY);
        try {
            return OutboundPolicy.denying(blocks);
        } catch (IllegalArgumentException bad) {
            throw SettingValues.bad(Setting.OUTBOUND_DENY, blocks, "comma-separated CIDR blocks such as 10.0.0.0/8,fd00::/8 (" + bad.getMessage() + ")");
        }
    }
}
