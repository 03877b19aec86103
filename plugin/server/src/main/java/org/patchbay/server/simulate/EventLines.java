package org.patchbay.server.simulate;

import org.patchbay.core.call.CallEvent;
import org.patchbay.core.call.CallRecord;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Tells Patchbay's call events and the caller's actions as transcript lines. */
final class EventLines {

    private EventLines() {
    }

    static List<Line> of(Step step, boolean firstFetch) {
        if (step.action() != null) {
            return List.of(caller(step.action()));
        }
        CallEvent event = step.event();
        Map<String, String> details = event.details();
        return switch (event.type()) {
            case "fetch" -> FetchLines.of(details, firstFetch);
            case "answered" -> List.of(Line.of("answered", "==  call answered"));
            case "gather" -> List.of(Line.of("gather", "..  Gather waits for keys (" + gatherSettings(details) + ")")
                    .with("numDigits", number(details.get("numDigits"))).with("finishOnKey", details.get("finishOnKey"))
                    .with("timeoutSeconds", number(details.get("timeout"))));
            case "record" -> List.of(Line.of("record", "..  Record started (" + details.get("recordingSid")
                            + ", maxLength=" + details.get("maxLength") + "s, finishOnKey=" + keys(details.get("finishOnKey")) + ")")
                    .with("recordingSid", details.get("recordingSid")).with("maxLength", number(details.get("maxLength")))
                    .with("finishOnKey", details.get("finishOnKey")));
            case "completed" -> List.of(ended(event.call()));
            default -> List.of();
        };
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

    private static String gatherSettings(Map<String, String> details) {
        String numDigits = details.get("numDigits");
        return "numDigits=" + (number(numDigits) == null ? "any" : numDigits)
                + ", finishOnKey=" + keys(details.get("finishOnKey")) + ", timeout=" + details.get("timeout") + "s";
    }

    private static String keys(String finishOnKey) {
        return finishOnKey == null || finishOnKey.isEmpty() ? "none" : finishOnKey;
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Line ended(CallRecord call) {
        String status = call.status().wire();
        Long millis = call.startTime() == null || call.endTime() == null ? null
                : call.endTime().toEpochMilli() - call.startTime().toEpochMilli();
        String how = millis == null ? " (never answered)" : String.format(Locale.ROOT, " after %.1f s", millis / 1000.0);
        return Line.of("ended", "==  call ended: " + status + how).with("status", status).with("durationMillis", millis);
    }
}
