package org.patchbay.core.call;

import io.vertx.core.Future;
import org.patchbay.core.store.Store;
import org.patchbay.core.telephony.EventRoutes;
import org.patchbay.core.telephony.StasisResources;
import org.patchbay.core.telephony.Telephony;
import org.patchbay.core.telephony.TelephonyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Squares Patchbay with what Asterisk holds, each time the ARI link comes up. After a restart, or
 * an outage during which events were lost, channels and bridges in the Stasis app that no call or
 * room claims are orphans: they are hung up or destroyed, and the calls they carried are settled in
 * the store. Answered calls Patchbay still runs whose channel Asterisk no longer has are ended
 * (an unanswered outbound call may not have its channel yet).
 */
public final class StasisReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(StasisReconciler.class);

    private final Telephony telephony;
    private final EventRoutes routes;
    private final CallRouter calls;
    private final Store store;

    public StasisReconciler(Telephony telephony, EventRoutes routes, CallRouter calls, Store store) {
        this.telephony = telephony;
        this.routes = routes;
        this.calls = calls;
        this.store = store;
    }

    public Future<Void> sweep() {
        return telephony.stasisResources().onSuccess(this::reconcile).<Void>mapEmpty()
                .onFailure(e -> LOG.warn("cannot list what Asterisk holds for the app: {}", e.getMessage()));
    }

    private void reconcile(StasisResources held) {
        LOG.debug("Asterisk holds {} channels and {} bridges for the app", held.channelIds().size(), held.bridgeIds().size());
        Set<String> channels = new HashSet<>(held.channelIds());
        for (String channelId : held.channelIds()) {
            if (routes.owner(channelId) == null) {
                LOG.warn("hanging up orphaned channel {} (no call in Patchbay owns it)", channelId);
                telephony.hangup(channelId, "normal");
                settleRecord(channelId);
            }
        }
        for (String bridgeId : held.bridgeIds()) {
            if (routes.owner(bridgeId) == null) {
                LOG.warn("destroying orphaned bridge {}", bridgeId);
                telephony.destroyBridge(bridgeId);
            }
        }
        for (CallSession session : calls.liveSessions()) {
            if (session.answered() && !channels.contains(session.channelId())) {
                LOG.warn("call {}: its channel {} is gone from Asterisk; ending it", session.sid(), session.channelId());
                session.deliver(new TelephonyEvent.StasisEnded(session.channelId()));
            }
        }
    }

    private void settleRecord(String channelId) {
        store.of(CallRecord.KIND).findBy(CallRecord.BY_CHANNEL, channelId).onSuccess(record -> {
            if (record != null && !record.status().isFinal()) {
                CallStatus status = record.startTime() == null ? CallStatus.FAILED : CallStatus.COMPLETED;
                store.of(CallRecord.KIND).put(record.endedAt(status, Instant.now()));
            }
        });
    }
}
