package org.patchbay.server.presence;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.Future;
import org.patchbay.core.account.Account;
import org.patchbay.core.account.ApiKey;
import org.patchbay.core.account.RevokedKey;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.presence.ClientGrant;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Store;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Verifies Twilio access tokens (what {@code AccessToken} + {@code VoiceGrant} of Twilio's helper
 * libraries mint): HS256 with an API key's secret, {@code cty: twilio-fpa;v=1}, {@code iss} the key,
 * {@code sub} its account. nimbus-jose-jwt parses the token and checks the HMAC; the claims are
 * checked here one by one so that each refusal gets its own Twilio error code.
 */
public final class AccessTokenVerifier {
    public static final String CONTENT_TYPE = "twilio-fpa;v=1";
    public static final Duration MAX_LIFETIME = Duration.ofHours(24);

    private final Store store;

    public AccessTokenVerifier(Store store) {
        this.store = store;
    }

    /** The token's voice grant, or a 401 with the Twilio code saying what is wrong with it. */
    public Future<ClientGrant> verify(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token == null ? "" : token.trim());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return refuse(ErrorCode.ACCESS_TOKEN_INVALID, "Invalid Access Token: not a signed JWT");
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.HS256.equals(header.getAlgorithm()) || !CONTENT_TYPE.equals(header.getContentType())) {
            return refuse(ErrorCode.ACCESS_TOKEN_HEADER, "Invalid Access Token header: alg must be HS256 and cty "
                    + CONTENT_TYPE);
        }
        String keySid = claims.getIssuer();
        String accountSid = claims.getSubject();
        if (!Sids.isSid(Sids.API_KEY, keySid) || !Sids.isSid(Sids.ACCOUNT, accountSid)) {
            return refuse(ErrorCode.ACCESS_TOKEN_ISSUER_SUBJECT, "Invalid Access Token issuer/subject: iss must be an API key SID"
                    + " and sub an Account SID");
        }
        return store.of(ApiKey.KIND).get(keySid).compose(key -> key == null
                ? unknownKey(keySid)
                : signedBy(jwt, claims, key));
    }

    private Future<ClientGrant> unknownKey(String keySid) {
        return store.of(RevokedKey.KIND).get(keySid).compose(revoked -> revoked != null
                ? refuse(ErrorCode.ACCESS_TOKEN_KEY_REVOKED, "Authentication Failed: the API key " + keySid + " was revoked")
                : refuse(ErrorCode.ACCESS_TOKEN_ISSUER_SUBJECT, "Invalid Access Token issuer/subject: no API key " + keySid));
    }

    private Future<ClientGrant> signedBy(SignedJWT jwt, JWTClaimsSet claims, ApiKey key) {
        if (!validSignature(jwt, key)) {
            return refuse(ErrorCode.ACCESS_TOKEN_SIGNATURE, "Invalid Access Token signature: not signed with the secret of "
                    + key.sid());
        }
        if (!key.accountSid().equals(claims.getSubject())) {
            return refuse(ErrorCode.ACCESS_TOKEN_ISSUER_SUBJECT, "Invalid Access Token issuer/subject: the API key "
                    + key.sid() + " does not belong to account " + claims.getSubject());
        }
        Instant now = Instant.now();
        Instant expires = instant(claims.getExpirationTime());
        Instant issued = instant(claims.getIssueTime());
        if (expires == null || !expires.isAfter(now)) {
            return refuse(ErrorCode.ACCESS_TOKEN_EXPIRED, expires == null ? "Access Token has no expiration (exp)"
                    : "Access Token expired at " + expires);
        }
        if (Duration.between(issued == null || issued.isAfter(now) ? now : issued, expires).compareTo(MAX_LIFETIME) > 0) {
            return refuse(ErrorCode.ACCESS_TOKEN_TOO_LONG, "Access Token expiration exceeds the maximum of 24 hours");
        }
        Instant notBefore = instant(claims.getNotBeforeTime());
        if (notBefore != null && notBefore.isAfter(now)) {
            return refuse(ErrorCode.ACCESS_TOKEN_NOT_YET_VALID, "Access Token not valid before " + notBefore);
        }
        ClientGrant grant;
        try {
            grant = VoiceGrants.read(claims, key, expires);
        } catch (PatchbayException refused) {
            return Future.failedFuture(refused);
        }
        return store.of(Account.KIND).get(key.accountSid()).compose(account -> account != null
                && account.status() == Account.Status.active
                ? Future.succeededFuture(grant)
                : refuse(ErrorCode.ACCOUNT_NOT_ACTIVE, "Account " + key.accountSid() + " is not active"));
    }

    private static boolean validSignature(SignedJWT jwt, ApiKey key) {
        try {
            return jwt.verify(new MACVerifier(key.secret().getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException tooShortOrUnusable) {
            return false;
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    static <T> Future<T> refuse(ErrorCode code, String message) {
        return Future.failedFuture(new PatchbayException(401, code, message));
    }
}
