package org.patchbay.core.instructions;

import java.util.Map;

/**
 * A request for TwiML: the URL (possibly carrying Twilio's {@code #ct=..&rt=..} timeout fragment),
 * GET or POST, the Twilio parameters in order, the auth token that signs it, and the call's cookie
 * jar (null for none): its cookies go out with the request and those the server sets are kept in it.
 */
public record InstructionRequest(String url, String method, Map<String, String> params, String authToken,
                                 CallCookies cookies) {

    public InstructionRequest(String url, String method, Map<String, String> params, String authToken) {
        this(url, method, params, authToken, null);
    }
}
