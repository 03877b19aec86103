package org.patchbay.core.endpoint;

import java.util.Map;

/**
 * The endpoint templates each account dials with: an account may have its own (its own trunk, its
 * own SIP domain); every other account uses the operator's defaults.
 */
public record EndpointDirectory(EndpointTemplates defaults, Map<String, EndpointTemplates> byAccount) {

    public EndpointDirectory {
        byAccount = Map.copyOf(byAccount);
    }

    public static EndpointDirectory of(EndpointTemplates defaults) {
        return new EndpointDirectory(defaults, Map.of());
    }

    public EndpointTemplates forAccount(String accountSid) {
        return byAccount.getOrDefault(accountSid, defaults);
    }
}
