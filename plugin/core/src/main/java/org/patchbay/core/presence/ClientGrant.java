package org.patchbay.core.presence;

import java.time.Instant;
import java.util.Map;

/**
 * What a verified access token lets a client do: be {@code identity} of {@code accountSid} until
 * {@code expires}, receive calls when {@code incoming}, and place calls that run
 * {@code outgoingApplicationSid} with {@code params}.
 */
public record ClientGrant(String accountSid, String keySid, String identity, boolean incoming,
                          String outgoingApplicationSid, Map<String, String> params, Instant expires) {

    public ClientGrant {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
