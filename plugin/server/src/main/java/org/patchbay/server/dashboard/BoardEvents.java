package org.patchbay.server.dashboard;

import org.patchbay.core.events.CallRedirected;
import org.patchbay.core.events.CallStatusChanged;
import org.patchbay.core.events.GatherStarted;
import org.patchbay.core.events.InstructionFetched;
import org.patchbay.core.events.LimitRejected;
import org.patchbay.core.events.NotificationLogged;
import org.patchbay.core.events.RecordStarted;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.VerbStarted;

import java.util.Map;

/** The event names the dashboard reads, and the one line each event is on a call's timeline. */
final class BoardEvents {
    static final String STATUS_PREFIX = CallStatusChanged.PREFIX;
    static final String FETCH = InstructionFetched.TYPE.name();
    static final String VERB = VerbStarted.TYPE.name();
    static final String NOTIFICATION = NotificationLogged.TYPE.name();
    static final String LIMIT_REJECTED = LimitRejected.TYPE.name();

    private BoardEvents() {
    }

    static String summary(RoutedEvent event) {
        String name = event.type().name();
        Map<String, Object> data = event.data();
        if (name.startsWith(STATUS_PREFIX)) {
            return "status " + data.get("CallStatus") + " (" + name.substring(STATUS_PREFIX.length()) + ")";
        }
        if (name.equals(FETCH)) {
            String outcome = data.get("errorCode") == null ? "HTTP " + data.get("httpStatus")
                    : "failed " + data.get("errorCode") + (data.get("error") == null ? "" : ": " + data.get("error"));
            return "fetch " + data.get("method") + " " + data.get("url") + " → " + outcome + " in " + data.get("durationMillis") + " ms";
        }
        if (name.equals(VERB)) {
            return "<" + data.get("verb") + ">";
        }
        if (name.equals(GatherStarted.TYPE.name())) {
            return "gather waits for keys (timeout " + data.get("timeoutSeconds") + " s)";
        }
        if (name.equals(RecordStarted.TYPE.name())) {
            return "recording " + data.get("recordingSid") + " started";
        }
        if (name.equals(CallRedirected.TYPE.name())) {
            return "redirected through the API" + (data.get("Url") == null || "".equals(data.get("Url")) ? " (TwiML)" : " to " + data.get("Url"));
        }
        if (name.equals(LIMIT_REJECTED)) {
            return "refused by the " + data.get("limit") + " limit (" + data.get("in_flight") + " in flight)";
        }
        if (name.equals(NOTIFICATION)) {
            return data.get("Log") + " " + data.get("ErrorCode") + ": " + data.get("MessageText");
        }
        return name;
    }

    /** Whether the event is one of a call's own (not a rejection or a notification about it), so may put a call on the board. */
    static boolean opensCall(RoutedEvent event) {
        String name = event.type().name();
        return !name.equals(LIMIT_REJECTED) && !name.equals(NOTIFICATION);
    }

    /** The fetch's duration in milliseconds, or -1 when the event is no fetch. */
    static long fetchMillis(RoutedEvent event) {
        return event.type().name().equals(FETCH) && event.data().get("durationMillis") instanceof Number n ? n.longValue() : -1;
    }
}
