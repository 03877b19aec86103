package org.patchbay.core.call;

import org.patchbay.core.amd.AnsweredBy;
import org.patchbay.core.amd.MachineDetection;

import java.util.List;
import java.util.Map;

/**
 * How a session came to be. The three kinds of call differ only in who answers, what runs once the far end
 * answers, and what happens when the document runs out; the verb loop, hang-ups and REST changes are shared
 * by all ({@link CallSession}).
 */
sealed interface CallStart permits CallStart.Inbound, CallStart.ApiCall, CallStart.DialLeg {

    /** Until its router says otherwise, a session is an inbound call. */
    CallStart INBOUND = new Inbound();

    /** Inbound calls are answered by Patchbay (before their first verb); outbound ones by the far end. */
    boolean outbound();

    /** DTMF sent to the far end once it answers, or null. */
    default String digitsOnAnswer() {
        return null;
    }

    /** Seconds the call may last once answered; 0 for no limit. */
    default int timeLimitSeconds() {
        return 0;
    }

    /**
     * The originated channel entered Stasis with {@code stasisArgs}: the record, with {@code AnsweredBy} when it came
     * through answering-machine detection (whose dialplan puts the result into those arguments).
     */
    default CallRecord answeredWith(CallRecord record, List<String> stasisArgs) {
        String answeredBy = AnsweredBy.of(stasisArgs);
        return answeredBy == null ? record : record.toBuilder().answeredBy(answeredBy).build();
    }

    /** The far end answered (and was sent its digits): what the call does now. */
    default void answered(CallSession session) {
    }

    /** The document ran out of verbs. */
    default void documentEnded(CallSession session) {
        session.hangUpNormally();
    }

    /** The call's record is final. */
    default void ended(CallSession session, CallStatus status) {
    }

    /** A channel that entered Stasis from the dialplan. */
    record Inbound() implements CallStart {
        @Override
        public boolean outbound() {
            return false;
        }
    }

    /**
     * A call placed through the REST API: once answered it runs its inline TwiML or fetches its URL (recording it if
     * asked); with {@code AsyncAmd} it also reports what answered to the AMD status callback.
     */
    record ApiCall(String digitsOnAnswer, int timeLimitSeconds, CallRecordingOptions recording, MachineDetection detection)
            implements CallStart {
        @Override
        public boolean outbound() {
            return true;
        }

        /** {@code Record=true} records from answer, before the document starts. */
        @Override
        public void answered(CallSession session) {
            if (recording != null) {
                if (recording.channels() == 2) {
                    session.control().warn(12200, "RecordingChannels=dual cannot be applied by Patchbay: the call is recorded in one (mono) channel");
                }
                WholeCallRecording.start(session.control(), recording);
            }
            if (detection != null && detection.async()) {
                DetectionCallback.send(session, detection);
            }
            if (detection != null && detection.async() && detection.callbackUrl() == null) {
                session.control().warn(DetectionCallback.NO_CALLBACK_WARNING, "AsyncAmd is true but no AsyncAmdStatusCallback was given:"
                        + " AnsweredBy is only on the call (answered_by) and in its requests");
            }
            session.runAnsweredDocument();
        }
    }

    /** A party rung by a {@code <Dial>} on another call: screened if asked, then handed to the dialling call. */
    record DialLeg(DialLegRequest request, DialLegObserver observer) implements CallStart {
        @Override
        public boolean outbound() {
            return true;
        }

        @Override
        public String digitsOnAnswer() {
            return request.sendDigits();
        }

        @Override
        public void answered(CallSession session) {
            DetectionCallback.send(session, request.app().machineDetection());
            if (request.screeningUrl() == null) {
                observer.ready(session);
            } else {
                session.fetchAndRun(request.screeningUrl(), request.screeningMethod(), Map.of());
            }
        }

        @Override
        public void documentEnded(CallSession session) {
            observer.ready(session);
        }

        @Override
        public void ended(CallSession session, CallStatus status) {
            observer.ended(session, status);
        }
    }
}
