package org.patchbay.core.node;

import org.patchbay.core.call.CallRecord;

import java.util.Map;

/**
 * What the node that runs a call answers a {@link CallCommand} with: the call's record, and what the command made
 * when it made something the record does not hold (a Media Stream's SID and state).
 */
public record NodeReply(CallRecord call, Map<String, String> detail) {

    public NodeReply {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    public static NodeReply of(CallRecord call) {
        return new NodeReply(call, Map.of());
    }
}
