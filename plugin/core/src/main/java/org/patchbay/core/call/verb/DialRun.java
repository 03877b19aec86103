package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.core.call.CallApp;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.CallLeg;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.call.Cancellable;
import org.patchbay.core.call.DialLegObserver;
import org.patchbay.core.call.DialLegRequest;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.Playback;
import org.patchbay.core.events.DialCompleted;
import org.patchbay.core.recording.Recording;
import org.patchbay.core.telephony.RecordRequest;
import org.patchbay.core.telephony.TelephonyEvent;
import org.patchbay.core.twiml.Dial;
import org.patchbay.core.twiml.DialClient;
import org.patchbay.core.twiml.DialNoun;
import org.patchbay.core.twiml.DialNumber;
import org.patchbay.core.twiml.DialSip;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code <Dial>} of numbers, SIP URIs and clients: every noun rings in parallel as a child call;
 * the first to answer (and pass its screening) is bridged with the caller and the others are hung up.
 * When the callee leaves, the caller goes on to {@code action} (with DialCallStatus, DialCallSid,
 * DialCallDuration, DialBridged, RecordingUrl) or to the next verb. Whatever ends the Dial, every
 * leg, bridge, ringback and recording it made is released.
 */
final class DialRun implements DialLegObserver {
    private final CallControl call;
    private final Dial dial;
    private final Promise<Next> result = Promise.promise();
    private final List<CallLeg> ringing = new ArrayList<>();
    private final List<CallStatus> outcomes = new ArrayList<>();
    private CallLeg connected;
    private CallBridge bridge;
    private Playback ringback;
    private Recording recording;
    private Cancellable timeLimit;
    private boolean callerGone;

    DialRun(CallControl call, Dial dial) {
        this.call = call;
        this.dial = dial;
    }

    Future<Next> start() {
        String from = dial.callerId() != null ? dial.callerId() : call.record().from();
        List<Future<CallLeg>> placing = new ArrayList<>();
        for (DialNoun noun : dial.nouns()) {
            placing.add(call.dial(legFor(noun, from), this).onSuccess(ringing::add)
                    .onFailure(e -> {
                        outcomes.add(CallStatus.FAILED);
                        call.warn(e instanceof PatchbayException known ? known.code() : 13223,
                                "Dial: cannot dial '" + address(noun) + "': " + e.getMessage());
                    }));
        }
        Future.join(placing).onComplete(placed -> {
            if (ringing.isEmpty()) {
                finish(CallStatus.FAILED);
                return;
            }
            startRingback();
        });
        call.whenEnded().onComplete(v -> callerHungUp());
        return result.future();
    }

    private DialLegRequest legFor(DialNoun noun, String from) {
        if (noun instanceof DialNumber n) {
            return new DialLegRequest(n.number(), from, callbacks(n.statusCallback(), n.statusCallbackMethod(),
                    n.statusCallbackEvent()), n.url() == null ? null : call.resolve(n.url()), n.method(), n.sendDigits(),
                    dial.timeoutSeconds());
        }
        if (noun instanceof DialSip s) {
            return new DialLegRequest(s.uri(), from, callbacks(s.statusCallback(), s.statusCallbackMethod(),
                    s.statusCallbackEvent()), s.url() == null ? null : call.resolve(s.url()), s.method(), null,
                    dial.timeoutSeconds());
        }
        DialClient c = (DialClient) noun;
        return new DialLegRequest("client:" + c.identity(), from, callbacks(c.statusCallback(), c.statusCallbackMethod(),
                c.statusCallbackEvent()), c.url() == null ? null : call.resolve(c.url()), c.method(), null,
                dial.timeoutSeconds());
    }

    private CallApp callbacks(String url, String method, List<String> events) {
        return new CallApp(null, null, null, null, url == null ? null : call.resolve(url), method,
                events == null ? Set.of() : Set.copyOf(events));
    }

    private static String address(DialNoun noun) {
        return noun instanceof DialNumber n ? n.number() : noun instanceof DialSip s ? s.uri()
                : noun instanceof DialClient c ? "client:" + c.identity() : noun.toString();
    }

    /** Answered callers hear ringing from Patchbay; with answerOnBridge the PBX rings them instead. */
    private void startRingback() {
        if (!call.answered()) {
            call.pbx().ring();
            return;
        }
        String tone = dial.ringTone() == null ? "tone:ring" : "tone:ring;tonezone=" + dial.ringTone();
        ringback = call.startPlayback(List.of(tone));
    }

    @Override
    public void ready(CallLeg leg) {
        if (connected != null || callerGone || result.future().isComplete()) {
            leg.cancel();
            return;
        }
        connected = leg;
        ringing.remove(leg);
        ringing.forEach(CallLeg::cancel);
        if (ringback != null) {
            ringback.stop();
        }
        if (dial.hangupOnStar()) {
            call.onDtmf(key -> {
                if (key == '*') {
                    leg.cancel();
                }
            });
        }
        call.answerNow().compose(v -> bridge(leg)).onFailure(e -> leg.cancel());
    }

    private Future<Void> bridge(CallLeg leg) {
        bridge = new CallBridge(call, "dial");
        return bridge.join(leg.channelId())
                .onSuccess(v -> {
                    startRecording();
                    timeLimit = call.schedule(dial.timeLimitSeconds() * 1000L, leg::cancel);
                });
    }

    private void startRecording() {
        if (dial.record() == null || dial.record().startsWith("do-not") || "false".equals(dial.record())) {
            return;
        }
        recording = call.recordings().begin(call.account().sid(), call.record().sid(), null, "DialVerb");
        call.listen(recording.mediaName(), this::onRecordingEvent, true);
        call.pbx().recordBridge(bridge.id(), new RecordRequest(recording.mediaName(), "wav", 0, 0, false, "none"))
                .onFailure(e -> settleRecording(0));
    }

    private void onRecordingEvent(TelephonyEvent event) {
        if (event instanceof TelephonyEvent.RecordingFinished finished) {
            settleRecording(finished.durationSeconds());
        } else if (event instanceof TelephonyEvent.RecordingFailed) {
            settleRecording(0);
        }
    }

    private void settleRecording(int seconds) {
        call.unlisten(recording.mediaName());
        call.recordings().finish(recording, seconds).onSuccess(done -> call.recordings().notifyStatus(done,
                dial.recordingStatusCallback() == null ? null : call.resolve(dial.recordingStatusCallback()),
                dial.recordingStatusCallbackMethod(), call.account().authToken()));
    }

    /** A leg that answered but was never connected (it hung up in screening) counts as not answered. */
    @Override
    public void ended(CallLeg leg, CallStatus status) {
        if (leg == connected) {
            finish(CallStatus.COMPLETED);
            return;
        }
        ringing.remove(leg);
        outcomes.add(status == CallStatus.COMPLETED ? CallStatus.NO_ANSWER : status);
        if (connected == null && ringing.isEmpty()) {
            finish(summary());
        }
    }

    /** Several parties rang and none answered: busy if any was busy, else no-answer, else failed. */
    private CallStatus summary() {
        for (CallStatus preferred : List.of(CallStatus.BUSY, CallStatus.NO_ANSWER, CallStatus.CANCELED)) {
            if (outcomes.contains(preferred)) {
                return preferred;
            }
        }
        return CallStatus.FAILED;
    }

    private void callerHungUp() {
        callerGone = true;
        ringing.forEach(CallLeg::cancel);
        if (connected != null) {
            connected.cancel();
        }
        releaseBridge();
    }

    private void finish(CallStatus dialStatus) {
        if (result.future().isComplete()) {
            return;
        }
        if (timeLimit != null) {
            timeLimit.cancel();
        }
        if (ringback != null) {
            ringback.stop();
        }
        call.onDtmf(null);
        releaseBridge();
        Map<String, String> outcome = actionParams(dialStatus);
        call.publish(new DialCompleted(call.record(), Instant.now(), outcome));
        result.complete(ActionRequest.next(call, dial.action(), dial.method(), outcome, callerGone));
    }

    private void releaseBridge() {
        if (bridge != null) {
            bridge.release();
        }
    }

    private Map<String, String> actionParams(CallStatus dialStatus) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("DialCallStatus", dialStatus.wire());
        params.put("DialBridged", Boolean.toString(connected != null));
        if (connected != null) {
            params.put("DialCallSid", connected.record().sid());
            Long duration = connected.record().duration();
            params.put("DialCallDuration", Long.toString(duration == null ? 0 : duration));
        }
        if (recording != null) {
            params.put("RecordingUrl", call.recordings().url(recording));
            params.put("RecordingSid", recording.sid());
        }
        return params;
    }
}
