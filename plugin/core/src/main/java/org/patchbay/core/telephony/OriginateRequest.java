package org.patchbay.core.telephony;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A new outgoing channel placed into the Stasis application.
 *
 * @param endpoint     Asterisk endpoint, e.g. {@code PJSIP/alice} or {@code Local/2000@outbound}
 * @param originator   the channel this one is dialled for (formats and linkedid follow it), or null
 * @param formats      media formats when there is no originator, e.g. {@code ulaw}
 * @param timeoutSeconds how long the far end may ring
 * @param dialplanContext null to enter the Stasis application straight on answer (with {@code appArgs}); else the
 *                       dialplan context (extension {@code s}) the answered channel runs first, which puts it into
 *                       Stasis itself with arguments of its own (answering-machine detection)
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
        Map<String, String> variables,
        String dialplanContext) {

    public static final String DIALPLAN_EXTENSION = "s";

    public OriginateRequest(String endpoint, String channelId, String callerIdName, String callerIdNumber, int timeoutSeconds,
                            List<String> appArgs, String originator, String formats, Map<String, String> variables) {
        this(endpoint, channelId, callerIdName, callerIdNumber, timeoutSeconds, appArgs, originator, formats, variables, null);
    }

    /** The same channel, answered into {@code context} with {@code extra} channel variables set. */
    public OriginateRequest throughDialplan(String context, Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(variables == null ? Map.of() : variables);
        all.putAll(extra);
        return new OriginateRequest(endpoint, channelId, callerIdName, callerIdNumber, timeoutSeconds, appArgs, originator,
                formats, Map.copyOf(all), context);
    }
}
