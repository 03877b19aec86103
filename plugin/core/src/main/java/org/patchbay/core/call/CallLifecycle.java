package org.patchbay.core.call;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.core.telephony.Telephony;

import java.time.Instant;

/**
 * The phases of one call leg (starting, ringing, answered, ended) and the steps between them. It decides the
 * final status (what a Reject or the API chose, the outcome of an unanswered outbound call, else completed),
 * ends the call exactly once, and sends at most one hang-up to the PBX.
 */
final class CallLifecycle {
    enum Phase { STARTING, RINGING, ANSWERED, ENDED }

    private final CallSession session;
    private final CallServices services;
    private final CallProgress progress;
    private final Telephony telephony;
    private final Promise<Void> ended = Promise.promise();
    private Phase phase = Phase.STARTING;
    private CallStatus endStatus;
    private boolean hangupSent;
    private long timeLimitTimer = -1;
    private String lastDialStatus;

    CallLifecycle(CallSession session, CallServices services, CallProgress progress) {
        this.session = session;
        this.services = services;
        this.progress = progress;
        this.telephony = services.telephony();
    }

    boolean isEnded() {
        return phase == Phase.ENDED;
    }

    boolean answered() {
        return phase == Phase.ANSWERED;
    }

    Future<Void> whenEnded() {
        return ended.future();
    }

    /** An inbound call rings from the moment it arrives. */
    void arrivedRinging() {
        if (phase == Phase.STARTING) {
            phase = Phase.RINGING;
        }
    }

    /** The dial status Asterisk reports while an outbound call is placed: ringing, or why it may fail. */
    void dialProgress(String dialStatus) {
        if ("RINGING".equals(dialStatus) || "PROGRESS".equals(dialStatus)) {
            farEndRinging();
        } else if (!dialStatus.isEmpty() && !"ANSWER".equals(dialStatus)) {
            lastDialStatus = dialStatus;
        }
    }

    void farEndRinging() {
        if (session.start().outbound() && phase == Phase.STARTING) {
            phase = Phase.RINGING;
            progress.ringing(Instant.now());
        }
    }

    /** The far end of an outbound call answered (its channel entered Stasis); false if it already had, or ended. */
    boolean farEndAnswered() {
        if (phase == Phase.ANSWERED || phase == Phase.ENDED) {
            return false;
        }
        farEndRinging();
        markAnswered();
        return true;
    }

    /** Answers the channel unless it is answered already. */
    Future<Void> answer() {
        if (phase == Phase.ANSWERED) {
            return Future.succeededFuture();
        }
        return telephony.answer(session.channelId()).map(v -> {
            if (phase != Phase.ENDED && phase != Phase.ANSWERED) {
                markAnswered();
            }
            return v;
        });
    }

    private void markAnswered() {
        phase = Phase.ANSWERED;
        progress.answered(Instant.now());
        int limit = session.start().timeLimitSeconds();
        if (limit > 0) {
            timeLimitTimer = services.vertx().setTimer(limit * 1000L, id -> hangup());
        }
    }

    /** The PBX says the channel hung up (or left Stasis): an unanswered outbound call's outcome comes from its cause. */
    void hungUp(int cause) {
        if (session.start().outbound() && phase != Phase.ANSWERED && endStatus == null) {
            endStatus = OutboundOutcome.of(cause, lastDialStatus);
        }
        end();
    }

    void originateFailed() {
        endStatus = CallStatus.FAILED;
        end();
    }

    /** The caller or Patchbay hung up: settle the record once, release everything, touch the PBX no more. */
    void end() {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.ENDED;
        if (timeLimitTimer >= 0) {
            services.vertx().cancelTimer(timeLimitTimer);
        }
        session.released();
        if (progress.begun()) {
            finish(Instant.now());
        }
        ended.tryComplete();
    }

    /** The call hung up while its route was looked up, before it had a record: settle the record made since. */
    void settleLateRecord() {
        finish(Instant.now());
    }

    /** Final status: what a Reject or the API chose, else completed (Twilio's status for an inbound call that ended). */
    private void finish(Instant at) {
        progress.ended(endStatus != null ? endStatus : CallStatus.COMPLETED, at);
        session.start().ended(session, progress.record().status());
    }

    /** A {@code <Reject>}: busy or no-answer, whatever the PBX says next. */
    Future<Void> reject(String reason) {
        endStatus = "busy".equals(reason) ? CallStatus.BUSY : CallStatus.NO_ANSWER;
        hangupSent = true;
        return telephony.hangup(session.channelId(), "busy".equals(reason) ? "busy" : "rejected")
                .recover(e -> Future.succeededFuture());
    }

    /** Hangs up: an unanswered call ends {@code canceled}, an answered one {@code completed}. */
    void cancel() {
        if (phase == Phase.ENDED) {
            return;
        }
        if (phase != Phase.ANSWERED) {
            endStatus = CallStatus.CANCELED;
        }
        hangupSent = false;
        hangup();
    }

    void hangup() {
        if (hangupSent || phase == Phase.ENDED) {
            return;
        }
        hangupSent = true;
        telephony.hangup(session.channelId(), "normal").onFailure(e -> end());
    }
}
