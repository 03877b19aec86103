package org.patchbay.core.twiml;

import java.util.List;

/** {@code <Record>}: all attributes, with Twilio's defaults; the element itself holds nothing. */
final class RecordReader {
    private static final Keywords TRIM = Keywords.of("trim-silence", "do-not-trim");
    private static final Keywords RECORDING_EVENTS = Keywords.of("in-progress", "completed", "absent");

    private RecordReader() {
    }

    static RecordVerb read(XmlCursor cursor, Attributes attributes) throws TwimlException {
        String action = attributes.url("action");
        String method = attributes.method("method");
        int timeout = attributes.integer("timeout", 5, 0, TwimlLimits.MAX_CALL_SECONDS);
        String finishOnKey = attributes.finishKeys("finishOnKey", "1234567890*#");
        int maxLength = attributes.integer("maxLength", 3600, 1, TwimlLimits.MAX_CONFIGURABLE_CALL_SECONDS);
        boolean playBeep = attributes.bool("playBeep", true);
        String trim = attributes.keyword("trim", "trim-silence", TRIM);
        String statusCallback = attributes.url("recordingStatusCallback");
        String statusCallbackMethod = attributes.method("recordingStatusCallbackMethod");
        List<String> statusCallbackEvent = attributes.keywordList("recordingStatusCallbackEvent",
                List.of("completed"), RECORDING_EVENTS);
        cursor.readNothing("Record");
        if (attributes.verbatim("trim") != null && "trim-silence".equals(trim)) {
            NotApplied.warn(cursor, "Record", "trim", trim, "the recording keeps its silence");
        }
        return new RecordVerb(action, method, timeout, finishOnKey, maxLength, playBeep, trim, statusCallback,
                statusCallbackMethod, statusCallbackEvent);
    }
}
