package org.patchbay.server.api.auth;

import io.vertx.core.Future;
import org.patchbay.core.account.Account;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.http.Endpoint;

/**
 * Decides who may call an endpoint and which account it then addresses. An account another caller
 * may not see answers exactly like one that does not exist (404), so a subaccount learns nothing
 * about its owner or its siblings.
 */
public final class AccessControl {
    private final Store store;
    private final Authenticator authenticator;
    private final boolean publicRecordingMedia;

    /** The caller (null for public media) and the account the request addresses. */
    public record Admission(Caller caller, Account account) {
    }

    public AccessControl(Store store, boolean publicRecordingMedia) {
        this.store = store;
        this.authenticator = new Authenticator(store);
        this.publicRecordingMedia = publicRecordingMedia;
    }

    public Future<Admission> admit(Endpoint endpoint, String accountSid, String authorization, String path) {
        if (endpoint.access() == Endpoint.Access.MEDIA && publicRecordingMedia) {
            return existing(accountSid, path).map(account -> new Admission(null, account));
        }
        return authenticator.authenticate(authorization).compose(caller -> {
            if (endpoint.access() == Endpoint.Access.ACCOUNT_ADMIN && caller.viaKey()) {
                return Future.failedFuture(new PatchbayException(403, ErrorCode.FORBIDDEN,
                        "API keys cannot manage accounts or keys; use the account's auth token"));
            }
            if (accountSid == null) {
                return Future.succeededFuture(new Admission(caller, caller.account()));
            }
            return existing(accountSid, path).compose(account -> {
                if (!caller.mayAccess(account)) {
                    return Future.failedFuture(PatchbayException.notFound(path));
                }
                if (endpoint.mainAccountOnly() && !caller.account().isMain()) {
                    return Future.failedFuture(new PatchbayException(403, ErrorCode.FORBIDDEN,
                            "A subaccount cannot change this; its main account sets it"));
                }
                return Future.succeededFuture(new Admission(caller, account));
            });
        });
    }

    private Future<Account> existing(String accountSid, String path) {
        if (!Sids.isSid(Sids.ACCOUNT, accountSid)) {
            return Future.failedFuture(PatchbayException.notFound(path));
        }
        return store.of(Account.KIND).get(accountSid).compose(account -> account == null
                ? Future.failedFuture(PatchbayException.notFound(path))
                : Future.succeededFuture(account));
    }
}
