package org.patchbay.core.instructions;

import java.util.Map;

/**
 * A request for TwiML: the URL (possibly carrying Twilio's {@code #ct=..&rt=..} timeout fragment),
 * GET or POST, the Twilio parameters in order, and the auth token that signs it.
 */
public record InstructionRequest(String url, String method, Map<String, String> params, String authToken) {
}
