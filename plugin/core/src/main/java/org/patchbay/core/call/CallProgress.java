package org.patchbay.core.call;

import org.patchbay.core.events.CallStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * A call's record as it moves through its statuses. Each change is stored, reported to the application's
 * status callback and published as one {@link CallStatusChanged}, so the three never disagree on what happened.
 */
final class CallProgress {
    private static final Logger LOG = LoggerFactory.getLogger(CallProgress.class);

    private final CallServices services;
    private CallRecord record;
    private StatusCallbacks callbacks;

    CallProgress(CallServices services) {
        this.services = services;
    }

    /** The record the call starts with and where its status callbacks go; nothing is saved yet. */
    void begin(CallRecord first, CallApp app, String authToken) {
        this.record = first;
        this.callbacks = new StatusCallbacks(services.webhooks(), app, authToken);
    }

    CallRecord record() {
        return record;
    }

    boolean begun() {
        return record != null;
    }

    /** A change that is no status of its own (what answered the call): stored with the next status. */
    void revise(CallRecord revised) {
        record = revised;
    }

    void initiated(Instant at) {
        save("initiated", at);
    }

    /** An inbound call rings as it arrives: its callback is told so, its record already says so. */
    void reportRinging(Instant at) {
        callbacks.report("ringing", record, at);
    }

    void ringing(Instant at) {
        record = record.withStatus(CallStatus.RINGING, at);
        save("ringing", at);
    }

    void answered(Instant at) {
        record = record.answeredAt(at);
        save("answered", at);
    }

    void ended(CallStatus status, Instant at) {
        record = record.endedAt(status, at);
        save("completed", at);
    }

    private void save(String event, Instant at) {
        CallRecord saved = record;
        services.store().of(CallRecord.KIND).put(saved)
                .onFailure(e -> LOG.error("call {}: could not store its record: {}", saved.sid(), e.getMessage()));
        callbacks.report(event, saved, at);
        services.events().publish(new CallStatusChanged(saved, event, at, StatusCallbacks.parameters(event, saved, at)));
    }
}
