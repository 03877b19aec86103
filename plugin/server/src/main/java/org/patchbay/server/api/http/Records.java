package org.patchbay.server.api.http;

import io.vertx.core.Future;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;
import org.patchbay.core.store.Store;

/** Looks records up for an account, answering 404 for anything it may not see. */
public final class Records {
    private Records() {
    }

    /**
     * The record {@code sid} of {@code accountSid}; 404 for a malformed SID, an unknown one or
     * another account's record alike.
     */
    public static <T extends Resource> Future<T> owned(Store store, ResourceKind<T> kind, String prefix,
                                                       String accountSid, String sid, String path) {
        if (!Sids.isSid(prefix, sid)) {
            return Future.failedFuture(PatchbayException.notFound(path));
        }
        return store.of(kind).get(accountSid, sid).compose(found -> found == null
                ? Future.failedFuture(PatchbayException.notFound(path))
                : Future.succeededFuture(found));
    }
}
