package org.patchbay.server.presence;

import com.nimbusds.jwt.JWTClaimsSet;
import org.patchbay.core.account.ApiKey;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.presence.ClientGrant;

import java.text.ParseException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads Twilio's {@code grants} claim: {@code identity} and {@code voice} ({@code incoming.allow},
 * {@code outgoing.application_sid}, {@code outgoing.params}). A token without an identity or a
 * voice grant grants nothing Patchbay serves.
 */
final class VoiceGrants {
    private VoiceGrants() {
    }

    static ClientGrant read(JWTClaimsSet claims, ApiKey key, Instant expires) {
        Map<String, Object> grants;
        try {
            grants = claims.getJSONObjectClaim("grants");
        } catch (ParseException e) {
            throw missing("grants must be an object");
        }
        if (grants == null || !(grants.get("identity") instanceof String identity) || identity.isBlank()) {
            throw missing("the token has no identity");
        }
        if (!(grants.get("voice") instanceof Map<?, ?> voice)) {
            throw missing("the token has no voice grant");
        }
        boolean incoming = voice.get("incoming") instanceof Map<?, ?> in && Boolean.TRUE.equals(in.get("allow"));
        String application = null;
        Map<String, String> params = new LinkedHashMap<>();
        if (voice.get("outgoing") instanceof Map<?, ?> out) {
            application = out.get("application_sid") instanceof String sid ? sid : null;
            if (out.get("params") instanceof Map<?, ?> given) {
                given.forEach((name, value) -> params.put(String.valueOf(name), String.valueOf(value)));
            }
        }
        return new ClientGrant(key.accountSid(), key.sid(), identity, incoming, application, params, expires);
    }

    static PatchbayException missing(String why) {
        return new PatchbayException(401, ErrorCode.ACCESS_TOKEN_GRANTS, "Invalid Access Token grants: " + why);
    }
}
