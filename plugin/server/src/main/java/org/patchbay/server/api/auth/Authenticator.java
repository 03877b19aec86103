package org.patchbay.server.api.auth;

import io.vertx.core.Future;
import org.patchbay.core.account.Account;
import org.patchbay.core.account.ApiKey;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks HTTP Basic credentials: {@code AccountSid:AuthToken} or {@code ApiKeySid:ApiKeySecret}.
 * Secrets are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the comparison
 * takes the same time whatever the secret's length or the position of the first wrong character.
 */
public final class Authenticator {
    private final Store store;

    public Authenticator(Store store) {
        this.store = store;
    }

    /** The caller, or a 401 (20003 for bad credentials, 20005 for an account that is not active). */
    public Future<Caller> authenticate(String authorizationHeader) {
        BasicCredentials credentials = BasicCredentials.parse(authorizationHeader).orElse(null);
        if (credentials == null) {
            return Future.failedFuture(unauthenticated());
        }
        String user = credentials.username();
        if (Sids.isSid(Sids.ACCOUNT, user)) {
            return store.of(Account.KIND).get(user).compose(account -> account != null
                    && matches(account.authToken(), credentials.password())
                    ? active(new Caller(account, null))
                    : Future.failedFuture(unauthenticated()));
        }
        if (Sids.isSid(Sids.API_KEY, user)) {
            return store.of(ApiKey.KIND).get(user).compose(key -> key != null && matches(key.secret(), credentials.password())
                    ? store.of(Account.KIND).get(key.accountSid()).compose(account -> account == null
                    ? Future.failedFuture(unauthenticated())
                    : active(new Caller(account, key)))
                    : Future.failedFuture(unauthenticated()));
        }
        return Future.failedFuture(unauthenticated());
    }

    private static Future<Caller> active(Caller caller) {
        return caller.account().status() == Account.Status.active
                ? Future.succeededFuture(caller)
                : Future.failedFuture(new PatchbayException(401, ErrorCode.ACCOUNT_NOT_ACTIVE, "Account not active"));
    }

    public static PatchbayException unauthenticated() {
        return new PatchbayException(401, ErrorCode.AUTHENTICATION_FAILED, "Authenticate");
    }

    static boolean matches(String expected, String given) {
        return expected != null && MessageDigest.isEqual(sha256(expected), sha256(given));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
