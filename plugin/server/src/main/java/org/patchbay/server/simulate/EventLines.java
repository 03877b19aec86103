package org.patchbay.server.simulate;

import org.patchbay.core.call.CallRecord;
import org.patchbay.core.events.CallStatusChanged;
import org.patchbay.core.events.GatherStarted;
import org.patchbay.core.events.InstructionFetched;
import org.patchbay.core.events.RecordStarted;

import java.util.List;
import java.util.Locale;

/** Tells Patchbay's call events and the caller's actions as transcript lines. */
final class EventLines {

    private EventLines() {
    }

    static List<Line> of(Step step, boolean firstFetch) {
        if (step.action() != null) {
            return List.of(caller(step.action()));
        }
        if (step.event() instanceof InstructionFetched fetch) {
            return FetchLines.of(fetch, firstFetch);
        }
        if (step.event() instanceof CallStatusChanged status && status.call().parentCallSid() != null) {
            return DialledLegLines.of(status);
        }
        if (step.event() instanceof CallStatusChanged status) {
            return switch (status.progress()) {
                case "answered" -> List.of(Line.of("answered", "==  call answered"));
                case "completed" -> List.of(ended(status.call()));
                default -> List.of();
            };
        }
        if (step.event() instanceof GatherStarted gather) {
            return List.of(Line.of("gather", "..  Gather waits for keys (" + gatherSettings(gather) + ")")
                    .with("numDigits", gather.numDigits()).with("finishOnKey", gather.finishOnKey())
                    .with("timeoutSeconds", gather.timeoutSeconds()));
        }
        if (step.event() instanceof RecordStarted record) {
            return List.of(Line.of("record", "..  Record started (" + record.recordingSid()
                            + ", maxLength=" + record.maxLengthSeconds() + "s, finishOnKey=" + keys(record.finishOnKey()) + ")")
                    .with("recordingSid", record.recordingSid()).with("maxLength", record.maxLengthSeconds())
                    .with("finishOnKey", record.finishOnKey()));
        }
        return List.of();
    }

    private static Line caller(CallerAction action) {
        Line line = Line.of("caller", "##  caller " + action.describe())
                .with("action", action.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        if (action instanceof CallerAction.Press press) {
            return line.with("digits", press.digits());
        }
        if (action instanceof CallerAction.Speak speak) {
            return line.with("seconds", speak.seconds()).with("digits", speak.digitsAfter());
        }
        return line;
    }

    private static String gatherSettings(GatherStarted gather) {
        return "numDigits=" + (gather.numDigits() == null ? "any" : gather.numDigits())
                + ", finishOnKey=" + keys(gather.finishOnKey()) + ", timeout=" + gather.timeoutSeconds() + "s";
    }

    private static String keys(String finishOnKey) {
        return finishOnKey == null || finishOnKey.isEmpty() ? "none" : finishOnKey;
    }

    private static Line ended(CallRecord call) {
        String status = call.status().wire();
        Long millis = call.startTime() == null || call.endTime() == null ? null
                : call.endTime().toEpochMilli() - call.startTime().toEpochMilli();
        String how = millis == null ? " (never answered)" : String.format(Locale.ROOT, " after %.1f s", millis / 1000.0);
        return Line.of("ended", "==  call ended: " + status + how).with("status", status).with("durationMillis", millis);
    }
}
