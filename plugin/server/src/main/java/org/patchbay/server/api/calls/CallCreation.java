package org.patchbay.server.api.calls;

import io.vertx.core.Future;
import org.patchbay.core.amd.MachineDetection;
import org.patchbay.core.application.Application;
import org.patchbay.core.call.CallApp;
import org.patchbay.core.call.CallRecordingOptions;
import org.patchbay.core.livecall.OutboundCall;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.http.Params;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code POST /Calls} parameters into an {@link OutboundCall}, checking them in Twilio's
 * order ({@code To}, {@code From}, then the application). As on Twilio, {@code ApplicationSid}
 * overrides the URL parameters, and {@code Url} overrides {@code Twiml}.
 */
final class CallCreation {
    static final int MAX_TWIML = 4000;
    private static final Set<String> EVENTS = Set.of("initiated", "ringing", "answered", "completed");
    private static final String DIGITS = "[0-9*#w]{1,32}";
    private static final Set<String> RECORDING_CHANNELS = Set.of("mono", "dual");
    private static final Set<String> RECORDING_EVENTS = Set.of("in-progress", "completed", "absent");

    private final Store store;

    CallCreation(Store store) {
        this.store = store;
    }

    Future<OutboundCall> read(String accountSid, Params params) {
        String to = params.required("To", ErrorCode.MISSING_TO, "Required parameter To is missing");
        if (!PartyAddress.isValid(to)) {
            throw PatchbayException.badRequest(ErrorCode.INVALID_TO, "Invalid 'To' Phone Number: " + Params.shorten(to));
        }
        String from = params.required("From", ErrorCode.MISSING_FROM, "A 'From' phone number is required");
        if (!PartyAddress.isValid(from)) {
            throw PatchbayException.badRequest(ErrorCode.INVALID_FROM, "Invalid 'From' Phone Number: " + Params.shorten(from));
        }
        String url = blankToNull(params.url("Url"));
        String method = params.method("Method");
        String fallbackUrl = blankToNull(params.url("FallbackUrl"));
        String fallbackMethod = params.method("FallbackMethod");
        String statusCallback = blankToNull(params.url("StatusCallback"));
        String statusCallbackMethod = params.method("StatusCallbackMethod");
        String twiml = blankToNull(params.text("Twiml", MAX_TWIML));
        String applicationSid = blankToNull(params.get("ApplicationSid"));
        if (url == null && twiml == null && applicationSid == null) {
            throw PatchbayException.badRequest(ErrorCode.MISSING_URL, "One of Url, Twiml or ApplicationSid is required");
        }
        Set<String> events = params.words("StatusCallbackEvent", EVENTS, "initiated, ringing, answered and completed");
        Integer timeout = params.integer("Timeout", 1, 600);
        Integer timeLimit = params.integer("TimeLimit", 1, 14400);
        String sendDigits = params.get("SendDigits");
        if (sendDigits != null && !sendDigits.matches(DIGITS)) {
            throw Params.invalid("SendDigits may only hold up to 32 of the characters 0-9, *, # and w");
        }
        CallRecordingOptions recording = Boolean.TRUE.equals(params.bool("Record")) ? recording(params) : null;
        MachineDetection detection = MachineDetectionParams.read(params, sendDigits);
        int ring = timeout == null ? 60 : timeout;
        int limit = timeLimit == null ? 0 : timeLimit;
        if (applicationSid != null) {
            return application(accountSid, applicationSid).map(app -> new OutboundCall(accountSid, to, from, null,
                    new CallApp(app.voiceUrl(), app.voiceMethod(), app.voiceFallbackUrl(), app.voiceFallbackMethod(),
                            app.statusCallback(), app.statusCallbackMethod(), events, detection),
                    null, ring, limit, sendDigits, recording));
        }
        CallApp app = new CallApp(url, method, fallbackUrl, fallbackMethod, statusCallback, statusCallbackMethod, events,
                detection);
        return Future.succeededFuture(new OutboundCall(accountSid, to, from, null, app, url == null ? twiml : null,
                ring, limit, sendDigits, recording));
    }

    /** {@code RecordingChannels}, {@code RecordingStatusCallback(Method)} and {@code RecordingStatusCallbackEvent}, as Twilio reads them. */
    private static CallRecordingOptions recording(Params params) {
        String channels = params.choice("RecordingChannels", RECORDING_CHANNELS);
        String callback = blankToNull(params.url("RecordingStatusCallback"));
        String method = params.method("RecordingStatusCallbackMethod");
        Set<String> events = new LinkedHashSet<>();
        for (String value : params.all("RecordingStatusCallbackEvent")) {
            for (String event : value.trim().split("[\\s,]+")) {
                if (event.isEmpty()) {
                    continue;
                }
                if (!RECORDING_EVENTS.contains(event)) {
                    throw Params.invalid("RecordingStatusCallbackEvent must be among in-progress, completed and absent: '"
                            + Params.shorten(event) + "'");
                }
                events.add(event);
            }
        }
        return new CallRecordingOptions("dual".equals(channels) ? 2 : 1, callback, method == null ? "POST" : method,
                events.isEmpty() ? CallRecordingOptions.DEFAULT_EVENTS : List.copyOf(events));
    }

    private Future<Application> application(String accountSid, String sid) {
        PatchbayException invalid = PatchbayException.badRequest(ErrorCode.INVALID_APPLICATION_SID,
                "ApplicationSid is not an Application of this account: " + Params.shorten(sid));
        if (!Sids.isSid(Sids.APPLICATION, sid)) {
            return Future.failedFuture(invalid);
        }
        return store.of(Application.KIND).get(accountSid, sid).compose(app -> {
            if (app == null) {
                return Future.failedFuture(invalid);
            }
            if (app.voiceUrl() == null || app.voiceUrl().isBlank()) {
                return Future.failedFuture(PatchbayException.badRequest(ErrorCode.MISSING_URL,
                        "Application " + sid + " has no VoiceUrl"));
            }
            return Future.succeededFuture(app);
        });
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
