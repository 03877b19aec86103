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

    /** Which account's client rings at {@code endpoint}: an account's own templates first, then the defaults for {@code defaultAccount}. */
    public java.util.Optional<Map.Entry<String, String>> clientAt(String endpoint, String defaultAccount) {
        for (Map.Entry<String, EndpointTemplates> own : byAccount.entrySet()) {
            String identity = own.getValue().identityAt(endpoint);
            if (identity != null) {
                return java.util.Optional.of(Map.entry(own.getKey(), identity));
            }
        }
        String identity = defaults.identityAt(endpoint);
        return identity == null ? java.util.Optional.empty() : java.util.Optional.of(Map.entry(defaultAccount, identity));
    }
}
