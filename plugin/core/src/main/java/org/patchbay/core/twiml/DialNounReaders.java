package org.patchbay.core.twiml;

import static org.patchbay.core.twiml.TwimlErrors.excerpt;
import static org.patchbay.core.twiml.TwimlErrors.schemaViolation;

import org.patchbay.core.amd.MachineDetection;

import java.util.List;
import java.util.Locale;

/** The nouns of {@code <Dial>}: {@code <Number>}, {@code <Sip>}, {@code <Conference>} and {@code <Queue>} ({@code <Client>} has its own reader). */
final class DialNounReaders {
    /** Twilio reports only {@code completed} unless asked for more. */
    static final List<String> DEFAULT_CALL_EVENTS = List.of("completed");
    static final Keywords CALL_EVENTS = Keywords.of("initiated", "ringing", "answered", "completed");

    private static final Keywords BEEP = Keywords.of("true", "false", "onEnter", "onExit");
    private static final Keywords CONFERENCE_RECORD = Keywords.of("do-not-record", "record-from-start");
    private static final Keywords CONFERENCE_TRIM = Keywords.of("trim-silence", "do-not-trim")
            .withAlias("true", "trim-silence")
            .withAlias("false", "do-not-trim");
    private static final Keywords CONFERENCE_EVENTS = Keywords.of("start", "end", "join", "leave", "mute", "hold",
            "modify", "speaker", "announcement");

    /** Twilio's largest conference. */
    private static final int MAX_PARTICIPANTS = 250;

    private DialNounReaders() {
    }

    static DialNoun readNested(XmlCursor cursor, String name) throws TwimlException {
        return switch (name) {
            case "Number" -> cursor.read(DialNounReaders::number);
            case "Client" -> cursor.read(ClientReader::read);
            case "Sip" -> cursor.read(DialNounReaders::sip);
            case "Conference" -> cursor.read(DialNounReaders::conference);
            case "Queue" -> cursor.read(DialNounReaders::queue);
            default -> throw schemaViolation("<Dial> may contain only a number as its text or <Number>, <Client>,"
                    + " <Sip>, <Conference> and <Queue>; found <" + name + ">");
        };
    }

    /** The number written straight into {@code <Dial>}, with every {@code <Number>} attribute at its default. */
    static DialNumber plainNumber(String text) throws TwimlException {
        return new DialNumber(phoneNumber("Dial", text), null, null, "POST", null, "POST", DEFAULT_CALL_EVENTS);
    }

    static DialNumber number(XmlCursor cursor, Attributes attributes) throws TwimlException {
        String sendDigits = attributes.dtmf("sendDigits");
        String url = attributes.url("url");
        String method = attributes.method("method");
        String statusCallback = attributes.url("statusCallback");
        String statusCallbackMethod = attributes.method("statusCallbackMethod");
        List<String> events = attributes.keywordList("statusCallbackEvent", DEFAULT_CALL_EVENTS, CALL_EVENTS);
        MachineDetection detection = DetectionReader.read(attributes);
        String number = phoneNumber("Number", cursor.readText("Number"));
        return new DialNumber(number, sendDigits, url, method, statusCallback, statusCallbackMethod, events, detection);
    }

    static DialSip sip(XmlCursor cursor, Attributes attributes) throws TwimlException {
        String username = attributes.text("username");
        String password = attributes.verbatim("password");
        String url = attributes.url("url");
        String method = attributes.method("method");
        String statusCallback = attributes.url("statusCallback");
        String statusCallbackMethod = attributes.method("statusCallbackMethod");
        List<String> events = attributes.keywordList("statusCallbackEvent", DEFAULT_CALL_EVENTS, CALL_EVENTS);
        String uri = sipUri(cursor.readText("Sip"));
        if (username != null) {
            NotApplied.warn(cursor, "Sip", "username", null, "the SIP endpoint has no per-call credentials"
                    + " (give the outbound endpoint outbound_auth in pjsip.conf)");
        }
        if (password != null) {
            NotApplied.warn(cursor, "Sip", "password", null, "the SIP endpoint has no per-call credentials");
        }
        return new DialSip(uri, username, password, url, method, statusCallback, statusCallbackMethod, events);
    }

    /** waitUrl keeps the difference between absent (default hold music) and empty (silence). */
    static DialConference conference(XmlCursor cursor, Attributes attributes) throws TwimlException {
        boolean muted = attributes.bool("muted", false);
        String beep = attributes.keyword("beep", "true", BEEP);
        boolean startOnEnter = attributes.bool("startConferenceOnEnter", true);
        boolean endOnExit = attributes.bool("endConferenceOnExit", false);
        String waitUrl = attributes.urlOrEmpty("waitUrl");
        String waitMethod = attributes.method("waitMethod");
        int maxParticipants = attributes.integer("maxParticipants", MAX_PARTICIPANTS, 1, MAX_PARTICIPANTS);
        String record = attributes.keyword("record", "do-not-record", CONFERENCE_RECORD);
        String trim = attributes.keyword("trim", "trim-silence", CONFERENCE_TRIM);
        String statusCallback = attributes.url("statusCallback");
        String statusCallbackMethod = attributes.method("statusCallbackMethod");
        List<String> events = attributes.keywordList("statusCallbackEvent", List.of(), CONFERENCE_EVENTS);
        String recordingStatusCallback = attributes.url("recordingStatusCallback");
        String recordingStatusCallbackMethod = attributes.method("recordingStatusCallbackMethod");
        List<String> recordingEvents = attributes.keywordList("recordingStatusCallbackEvent", Dial.DEFAULT_RECORDING_EVENTS,
                DialReader.RECORDING_EVENTS);
        String name = required("Conference", "a conference name", cursor.readText("Conference"));
        if (!"do-not-record".equals(record) && attributes.verbatim("trim") != null && "trim-silence".equals(trim)) {
            NotApplied.warn(cursor, "Conference", "trim", trim, "the recording keeps its silence");
        }
        return new DialConference(name, muted, beep, startOnEnter, endOnExit, waitUrl, waitMethod, maxParticipants,
                record, trim, statusCallback, statusCallbackMethod, events, recordingStatusCallback,
                recordingStatusCallbackMethod, recordingEvents);
    }

    static DialQueue queue(XmlCursor cursor, Attributes attributes) throws TwimlException {
        String url = attributes.url("url");
        String method = attributes.method("method");
        String name = ControlReaders.queueName("Queue", cursor.readText("Queue"));
        return new DialQueue(name, url, method);
    }

    static String required(String element, String what, String text) throws TwimlException {
        if (text.isEmpty()) {
            throw schemaViolation("<" + element + "> needs " + what + " as its text");
        }
        return text;
    }

    /** E.164 or the loosely formatted numbers Twilio also accepts, such as (415) 555-1212. */
    private static String phoneNumber(String element, String text) throws TwimlException {
        required(element, "a phone number", text);
        boolean hasDigit = text.chars().anyMatch(c -> c >= '0' && c <= '9');
        boolean allPhoneChars = text.chars().allMatch(c -> c >= '0' && c <= '9' || "+-(). ".indexOf(c) >= 0);
        if (!hasDigit || !allPhoneChars) {
            throw schemaViolation("<" + element + "> must be a phone number such as +14155551212, got '"
                    + excerpt(text) + "'");
        }
        return text;
    }

    private static String sipUri(String text) throws TwimlException {
        required("Sip", "a SIP URI", text);
        String lower = text.toLowerCase(Locale.ROOT);
        boolean sipScheme = lower.startsWith("sip:") && text.length() > 4 || lower.startsWith("sips:") && text.length() > 5;
        if (!sipScheme || text.chars().anyMatch(c -> c <= ' ')) {
            throw schemaViolation("<Sip> must be a SIP URI such as sip:alice@example.com, got '" + excerpt(text) + "'");
        }
        return text;
    }
}
