package org.patchbay.asterisk.sim.engine;

import java.util.Map;

/** The parameters of {@code POST /channels}, {@code POST /channels/{id}} and {@code POST /channels/create}. */
public record OriginateRequest(String endpoint, String app, String appArgs, String callerId, Integer timeoutSeconds,
                               String channelId, String otherChannelId, String context, String extension,
                               Long priority, Map<String, String> variables) {

    static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
