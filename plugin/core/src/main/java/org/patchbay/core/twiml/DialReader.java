package org.patchbay.core.twiml;

import static org.patchbay.core.twiml.TwimlErrors.schemaViolation;

import java.util.ArrayList;
import java.util.List;

/** {@code <Dial>}: its attributes with Twilio's defaults, and the one way of reading what it dials. */
final class DialReader {
    private static final Keywords RECORD = Keywords.of("do-not-record", "record-from-answer", "record-from-ringing",
                    "record-from-answer-dual", "record-from-ringing-dual")
            .withAlias("true", "record-from-answer")
            .withAlias("false", "do-not-record");
    static final Keywords RECORDING_EVENTS = Keywords.of("in-progress", "completed", "absent");
    private static final Keywords RING_TONES = Keywords.of("at", "au", "bg", "br", "be", "ch", "cl", "cn", "cz", "de",
            "dk", "ee", "es", "fi", "fr", "gr", "hu", "il", "in", "it", "lt", "jp", "mx", "my", "nl", "no", "nz", "ph",
            "pl", "pt", "ru", "se", "sg", "th", "uk", "us", "us-old", "tw", "ve", "za");

    /** Twilio lets a dialled party ring for ten minutes at most. */
    private static final int MAX_RING_SECONDS = 600;

    /** Twilio rings at most ten numbers, clients and SIP addresses at once. */
    private static final int MAX_PARALLEL_NOUNS = 10;

    private DialReader() {
    }

    static Dial read(XmlCursor cursor, Attributes attributes) throws TwimlException {
        String action = attributes.url("action");
        String method = attributes.method("method");
        int timeout = attributes.integer("timeout", 30, 1, MAX_RING_SECONDS);
        String callerId = attributes.text("callerId");
        String record = attributes.keyword("record", "do-not-record", RECORD);
        int timeLimit = attributes.integer("timeLimit", TwimlLimits.MAX_CALL_SECONDS, 1,
                TwimlLimits.MAX_CONFIGURABLE_CALL_SECONDS);
        boolean hangupOnStar = attributes.bool("hangupOnStar", false);
        boolean answerOnBridge = attributes.bool("answerOnBridge", false);
        String ringTone = attributes.keyword("ringTone", null, RING_TONES);
        String recordingStatusCallback = attributes.url("recordingStatusCallback");
        String recordingStatusCallbackMethod = attributes.method("recordingStatusCallbackMethod");
        List<String> recordingEvents = attributes.keywordList("recordingStatusCallbackEvent", Dial.DEFAULT_RECORDING_EVENTS,
                RECORDING_EVENTS);
        List<DialNoun> nouns = nouns(cursor);
        if (record.startsWith("record-from-ringing") || record.endsWith("-dual")) {
            NotApplied.warn(cursor, "Dial", "record", record, "the call is recorded from answer, in one (mono) channel");
        }
        return new Dial(action, method, timeout, callerId, record, timeLimit, hangupOnStar, answerOnBridge, ringTone,
                recordingStatusCallback, recordingStatusCallbackMethod, nouns, recordingEvents);
    }

    /** Plain text is one number; otherwise the nested nouns, where a Conference or a Queue must stand alone. */
    private static List<DialNoun> nouns(XmlCursor cursor) throws TwimlException {
        List<DialNoun> nouns = new ArrayList<>();
        String text = cursor.readContent("Dial", name -> nouns.add(DialNounReaders.readNested(cursor, name)));
        if (!text.isEmpty()) {
            if (!nouns.isEmpty()) {
                throw schemaViolation("<Dial> takes either a number as its text or nested nouns, not both");
            }
            return List.of(DialNounReaders.plainNumber(text));
        }
        if (nouns.isEmpty()) {
            throw schemaViolation("<Dial> needs something to dial: a number as its text, or <Number>, <Client>, <Sip>,"
                    + " <Conference> or <Queue>");
        }
        boolean hasRoom = nouns.stream().anyMatch(noun -> noun instanceof DialConference || noun instanceof DialQueue);
        if (hasRoom && nouns.size() > 1) {
            throw schemaViolation("<Conference> and <Queue> must be the only noun in their <Dial>");
        }
        if (nouns.size() > MAX_PARALLEL_NOUNS) {
            throw schemaViolation("<Dial> can ring at most " + MAX_PARALLEL_NOUNS
                    + " numbers, clients and SIP addresses at once; found " + nouns.size());
        }
        return List.copyOf(nouns);
    }
}
