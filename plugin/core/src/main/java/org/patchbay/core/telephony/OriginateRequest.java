package org.patchbay.core.telephony;

import java.util.List;
import java.util.Map;

/**
 * A new outgoing channel placed into the Stasis application.
 *
 * @param endpoint     Asterisk endpoint, e.g. {@code PJSIP/alice} or {@code Local/2000@outbound}
 * @param originator   the channel this one is dialled for (formats and linkedid follow it), or null
 * @param formats      media formats when there is no originator, e.g. {@code ulaw}
 * @param timeoutSeconds how long the far end may ring
 */
public record OriginateRequest(
        String endpoint,
        String channelId,
        String callerIdName,
        String callerIdNumber,
        int timeoutSeconds,
        List<String> appArgs,
        String originator,
        String formats,
        Map<String, String> variables) {
}
