package org.patchbay.server.simulate;

import org.patchbay.core.call.CallRecord;
import org.patchbay.core.events.CallStatusChanged;

import java.util.List;
import java.util.Locale;

/** Tells a party a {@code <Dial>} rang: ringing, answered, and how and when its leg ended. */
final class DialledLegLines {
    private DialledLegLines() {
    }

    static List<Line> of(CallStatusChanged status) {
        CallRecord leg = status.call();
        String who = leg.to();
        return switch (status.progress()) {
            case "ringing" -> List.of(leg(status, "->  dialled " + who + " ringing"));
            case "answered" -> List.of(leg(status, "==  dialled " + who + " answered"));
            case "completed" -> List.of(ended(status));
            default -> List.of();
        };
    }

    private static Line ended(CallStatusChanged status) {
        CallRecord leg = status.call();
        String state = leg.status().wire();
        Long millis = leg.startTime() == null || leg.endTime() == null ? null
                : leg.endTime().toEpochMilli() - leg.startTime().toEpochMilli();
        String how = switch (state) {
            case "busy" -> " (busy)";
            case "no-answer" -> " (no answer)";
            case "canceled" -> " (not answered before another party or the caller ended it)";
            case "failed" -> " (failed)";
            default -> millis == null ? "" : String.format(Locale.ROOT, " after %.1f s", millis / 1000.0);
        };
        return leg(status, "==  dialled " + leg.to() + " ended: " + state + how)
                .with("status", state).with("durationMillis", millis);
    }

    private static Line leg(CallStatusChanged status, String text) {
        return Line.of("dialled", text).with("callSid", status.call().sid()).with("to", status.call().to())
                .with("progress", status.progress());
    }
}
