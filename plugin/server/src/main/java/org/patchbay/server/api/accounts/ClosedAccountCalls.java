package org.patchbay.server.api.accounts;

import io.vertx.core.Future;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.livecall.LiveCalls;
import org.patchbay.core.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Ends the live calls of an account that was just closed, as Twilio does; a suspended account's
 * calls go on. Ringing and queued calls are canceled, answered ones completed, each with its
 * usual final status callback.
 */
final class ClosedAccountCalls {
    private static final Logger LOG = LoggerFactory.getLogger(ClosedAccountCalls.class);
    private static final int PAGE = 500;

    private ClosedAccountCalls() {
    }

    static Future<Void> end(Store store, LiveCalls liveCalls, String accountSid) {
        return store.of(CallRecord.KIND).list(accountSid, call -> !call.status().isFinal(), 0, PAGE).compose(page -> {
            List<Future<CallRecord>> ending = page.items().stream().map(call -> liveCalls.end(accountSid, call.sid(),
                            call.status() == CallStatus.IN_PROGRESS ? CallStatus.COMPLETED : CallStatus.CANCELED)
                    .onFailure(e -> LOG.warn("closing account {}: call {} not ended: {}", accountSid, call.sid(), e.getMessage())))
                    .toList();
            return Future.join(ending).<Void>mapEmpty().otherwiseEmpty();
        });
    }
}
