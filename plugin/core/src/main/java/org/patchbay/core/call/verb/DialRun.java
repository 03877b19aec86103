package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.core.amd.MachineDetection;
import org.patchbay.core.call.CallApp;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.CallLeg;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.call.Cancellable;
import org.patchbay.core.call.DialLegObserver;
import org.patchbay.core.call.DialLegRequest;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.presence.Device;
import org.patchbay.core.presence.Presence;
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
 * leg, bridge, ringback and recording it made is released. A client rings on every device where it
 * is present (see {@link #parties}).
 */
final class DialRun implements DialLegObserver {
    private final CallControl call;
    private final Dial dial;
    private final Presence presence;
    private final Promise<Next> result = Promise.promise();
    private final List<CallLeg> ringing = new ArrayList<>();
    private final List<CallStatus> outcomes = new ArrayList<>();
    private CallLeg connected;
    private CallBridge bridge;
    private Playback ringback;
    private Recording recording;
    private Cancellable timeLimit;
    private boolean callerGone;

    DialRun(CallControl call, Dial dial, Presence presence) {
        this.call = call;
        this.dial = dial;
        this.presence = presence;
    }

    Future<Next> start() {
        String from = dial.callerId() != null ? dial.callerId() : call.record().from();
        Future.all(dial.nouns().stream().map(noun -> parties(noun, from)).toList())
                .onComplete(all -> place(all.result().<List<Party>>list().stream().flatMap(List::stream).toList()));
        call.whenEnded().onComplete(v -> callerHungUp());
        return result.future();
    }

    /** One party a leg rings; {@code device} is set when it is a client's device (told of the call). */
    private record Party(DialLegRequest request, Device device, String address) {
    }

    /**
     * A number or SIP URI is one party; a client is every device of it that is available and allowed
     * incoming calls, wherever it registered. A client with none counts as no answer at once.
     */
    private Future<List<Party>> parties(DialNoun noun, String from) {
        if (!(noun instanceof DialClient c)) {
            return Future.succeededFuture(List.of(new Party(legFor(noun, from, null), null, address(noun))));
        }
        return presence.ringable(call.account().sid(), c.identity()).otherwise(List.of()).map(devices -> {
            if (devices.isEmpty()) {
                outcomes.add(CallStatus.NO_ANSWER);
            }
            return devices.stream().map(d -> new Party(legFor(noun, from, d.endpoint()), d, address(noun))).toList();
        });
    }

    private void place(List<Party> parties) {
        if (callerGone) {
            outcomes.add(CallStatus.CANCELED);
            parties = List.of();
        }
        List<Future<CallLeg>> placing = new ArrayList<>();
        for (Party party : parties) {
            placing.add(call.dial(party.request(), this).onSuccess(leg -> {
                ringing.add(leg);
                if (party.device() != null) {
                    presence.ringing(party.device(), leg.record().sid(), party.request().from());
                }
            }).onFailure(e -> {
                outcomes.add(CallStatus.FAILED);
                call.warn(e instanceof PatchbayException known ? known.code() : 13223,
                        "Dial: cannot dial '" + party.address() + "': " + e.getMessage());
            }));
        }
        Future.join(placing).onComplete(placed -> {
            if (ringing.isEmpty()) {
                finish(summary());
                return;
            }
            startRingback();
        });
    }

    private DialLegRequest legFor(DialNoun noun, String from, String endpoint) {
        if (noun instanceof DialNumber n) {
            return new DialLegRequest(n.number(), from, callbacks(n.statusCallback(), n.statusCallbackMethod(),
                    n.statusCallbackEvent()).withMachineDetection(detection(n.machineDetection())), n.url() == null ? null : call.resolve(n.url()), n.method(), n.sendDigits(),
                    dial.timeoutSeconds(), null);
        }
        if (noun instanceof DialSip s) {
            return new DialLegRequest(s.uri(), from, callbacks(s.statusCallback(), s.statusCallbackMethod(),
                    s.statusCallbackEvent()), s.url() == null ? null : call.resolve(s.url()), s.method(), null,
                    dial.timeoutSeconds(), null);
        }
        DialClient c = (DialClient) noun;
        return new DialLegRequest("client:" + c.identity(), from, callbacks(c.statusCallback(), c.statusCallbackMethod(),
                c.statusCallbackEvent()), c.url() == null ? null : call.resolve(c.url()), c.method(), null,
                dial.timeoutSeconds(), endpoint);
    }

    private CallApp callbacks(String url, String method, List<String> events) {
        return new CallApp(null, null, null, null, url == null ? null : call.resolve(url), method,
                events == null ? Set.of() : Set.copyOf(events));
    }

    /** The number's detection with its {@code amdStatusCallback} resolved against this document. */
    private MachineDetection detection(MachineDetection asked) {
        return asked == null || asked.callbackUrl() == null ? asked : asked.withCallbackUrl(call.resolve(asked.callbackUrl()));
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
        if (event instanceof TelephonyEvent.RecordingStarted && dial.recordingStatusCallbackEvent().contains("in-progress")) {
            notifyRecording(recording);
        } else if (event instanceof TelephonyEvent.RecordingFinished finished) {
            settleRecording(finished.durationSeconds());
        } else if (event instanceof TelephonyEvent.RecordingFailed) {
            settleRecording(0);
        }
    }

    private void settleRecording(int seconds) {
        call.unlisten(recording.mediaName());
        call.recordings().finish(recording, seconds).onSuccess(done -> {
            if (dial.recordingStatusCallbackEvent().contains(done.status())) {
                notifyRecording(done);
            }
        });
    }

    private void notifyRecording(Recording current) {
        call.recordings().notifyStatus(current, dial.recordingStatusCallback() == null ? null
                : call.resolve(dial.recordingStatusCallback()), dial.recordingStatusCallbackMethod(), call.account().authToken());
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
