package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.events.RecordCompleted;
import org.patchbay.core.events.RecordStarted;
import org.patchbay.core.recording.Recording;
import org.patchbay.core.telephony.RecordRequest;
import org.patchbay.core.telephony.TelephonyEvent;
import org.patchbay.core.twiml.RecordVerb;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code <Record>}: a live recording of the caller, named by its RecordingSid, ended by silence
 * ({@code timeout}), {@code maxLength}, a key in {@code finishOnKey} (watched here, so any set of
 * keys works) or a hang-up. A recording with sound goes to {@code action}; an empty one falls
 * through to the next verb, as on Twilio. After a hang-up the recording is still settled and the
 * action is told (its answer is ignored, as Twilio does).
 */
final class RecordRun {
    private final CallControl call;
    private final RecordVerb verb;
    private final Promise<Next> result = Promise.promise();
    private Recording recording;
    private String digits = "";
    private boolean settled;
    private boolean hungUp;

    RecordRun(CallControl call, RecordVerb verb) {
        this.call = call;
        this.verb = verb;
    }

    Future<Next> start() {
        recording = call.recordings().begin(call.account().sid(), call.record().sid(), null, "RecordVerb");
        call.listen(recording.mediaName(), this::onEvent, true);
        call.onDtmf(this::onKey);
        RecordRequest request = new RecordRequest(recording.mediaName(), "wav", verb.maxLengthSeconds(),
                verb.timeoutSeconds(), verb.playBeep(), "none");
        call.pbx().record(request).onFailure(e -> settle(0));
        call.publish(new RecordStarted(call.record(), Instant.now(), recording.sid(), verb.maxLengthSeconds(), verb.finishOnKey()));
        call.whenEnded().onComplete(ended -> hungUp = true);
        return result.future();
    }

    private void onKey(char key) {
        if (verb.finishOnKey().indexOf(key) >= 0 && digits.isEmpty()) {
            digits = String.valueOf(key);
            call.onDtmf(null);
            call.pbx().stopRecording(recording.mediaName());
        }
    }

    private void onEvent(TelephonyEvent event) {
        if (event instanceof TelephonyEvent.RecordingStarted && verb.recordingStatusCallbackEvent().contains("in-progress")) {
            notifyStatus(recording);
        } else if (event instanceof TelephonyEvent.RecordingFinished finished) {
            settle(finished.durationSeconds());
        } else if (event instanceof TelephonyEvent.RecordingFailed) {
            settle(0);
        }
    }

    private void notifyStatus(Recording current) {
        call.recordings().notifyStatus(current, verb.recordingStatusCallback() == null ? null
                : call.resolve(verb.recordingStatusCallback()), verb.recordingStatusCallbackMethod(), call.account().authToken());
    }

    private void settle(int durationSeconds) {
        if (settled) {
            return;
        }
        settled = true;
        call.unlisten(recording.mediaName());
        call.onDtmf(null);
        call.recordings().finish(recording, durationSeconds).onSuccess(done -> {
            call.publish(new RecordCompleted(call.record(), Instant.now(), done.sid(), durationSeconds, hungUp ? "hangup" : digits));
            if (verb.recordingStatusCallbackEvent().contains(done.status())) {
                notifyStatus(done);
            }
            if (durationSeconds == 0) {
                result.tryComplete(Next.CONTINUE);
                return;
            }
            Map<String, String> params = new LinkedHashMap<>();
            params.put("RecordingUrl", call.recordings().url(done));
            params.put("RecordingDuration", Integer.toString(durationSeconds));
            params.put("RecordingSid", done.sid());
            params.put("Digits", hungUp ? "hangup" : digits);
            String action = verb.action() == null ? call.documentUrl() : call.resolve(verb.action());
            if (hungUp) {
                call.callback(action, verb.method(), params);
            } else {
                result.tryComplete(new Next.Fetch(action, verb.method(), params));
            }
        });
    }
}
