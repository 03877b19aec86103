package org.patchbay.core.twiml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchbay.core.twiml.TwimlTestSupport.assertSchemaViolation;
import static org.patchbay.core.twiml.TwimlTestSupport.onlyVerb;
import static org.patchbay.core.twiml.TwimlTestSupport.response;
import static org.patchbay.core.twiml.TwimlTestSupport.parse;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Identity;
import com.twilio.twiml.voice.Parameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchbay.core.amd.MachineDetection;

class DialParsingTest {
    private static final List<String> COMPLETED = List.of("completed");

    private static Dial dialOf(VoiceResponse twiml) {
        return (Dial) onlyVerb(twiml);
    }

    private static Dial dialWith(com.twilio.twiml.voice.Dial.Builder dial) {
        return dialOf(new VoiceResponse.Builder().dial(dial.build()).build());
    }

    @Test
    void plainTextIsOneNumberWithTwiliosDefaults() {
        Dial dial = dialWith(new com.twilio.twiml.voice.Dial.Builder("415-123-4567"));

        DialNumber number = new DialNumber("415-123-4567", null, null, "POST", null, "POST", COMPLETED);
        assertEquals(new Dial(null, "POST", 30, null, "do-not-record", 14400, false, false, null, null, "POST",
                List.of(number)), dial);
    }

    @Test
    void dialKeepsEveryAttribute() {
        Dial dial = dialWith(new com.twilio.twiml.voice.Dial.Builder("+14151234567")
                .action("/dial-done")
                .method(HttpMethod.GET)
                .timeout(12)
                .callerId("+15550001111")
                .record(com.twilio.twiml.voice.Dial.Record.RECORD_FROM_ANSWER)
                .timeLimit(600)
                .hangupOnStar(true)
                .answerOnBridge(true)
                .ringTone(com.twilio.twiml.voice.Dial.RingTone.UK)
                .recordingStatusCallback("https://example.com/rec")
                .recordingStatusCallbackMethod(HttpMethod.GET));

        assertEquals(new Dial("/dial-done", "GET", 12, "+15550001111", "record-from-answer", 600, true, true,
                "uk", "https://example.com/rec", "GET", dial.nouns()), dial);
        assertEquals("+14151234567", ((DialNumber) dial.nouns().get(0)).number());
    }

    @Test
    void legacyBooleanRecordValuesMapToTheirNames() {
        assertEquals("record-from-answer", ((Dial) onlyVerb(response("<Dial record=\"true\">+1555</Dial>"))).record());
        assertEquals("do-not-record", ((Dial) onlyVerb(response("<Dial record=\"false\">+1555</Dial>"))).record());
    }

    @Test
    void numberKeepsEveryAttribute() {
        Dial dial = dialWith(new com.twilio.twiml.voice.Dial.Builder()
                .number(new com.twilio.twiml.voice.Number.Builder("+14155551212")
                        .sendDigits("wwww1928")
                        .url("/screen")
                        .method(HttpMethod.GET)
                        .statusCallback("https://example.com/status")
                        .statusCallbackMethod(HttpMethod.GET)
                        .statusCallbackEvents(List.of(com.twilio.twiml.voice.Number.Event.INITIATED,
                                com.twilio.twiml.voice.Number.Event.ANSWERED))
                        .build()));

        assertEquals(List.of(new DialNumber("+14155551212", "wwww1928", "/screen", "GET", "https://example.com/status",
                "GET", List.of("initiated", "answered"))), dial.nouns());
    }

    @Test
    void numberKeepsItsMachineDetectionAsTwiliosLibraryWritesIt() {
        Dial dial = dialWith(new com.twilio.twiml.voice.Dial.Builder()
                .number(new com.twilio.twiml.voice.Number.Builder("+14155551212")
                        .machineDetection("DetectMessageEnd")
                        .machineDetectionTimeout(20)
                        .machineDetectionSpeechThreshold(2000)
                        .machineDetectionSpeechEndThreshold(900)
                        .machineDetectionSilenceTimeout(4000)
                        .amdStatusCallback("/amd")
                        .amdStatusCallbackMethod(HttpMethod.GET)
                        .build()));

        DialNumber number = (DialNumber) dial.nouns().get(0);
        assertEquals(new MachineDetection(MachineDetection.Mode.DETECT_MESSAGE_END, 20, 2000, 900, 4000, false, "/amd", "GET"),
                number.machineDetection());
        assertEquals(0, parse(response("<Dial><Number machineDetection=\"Enable\">+1555</Number></Dial>")).warnings().size());
    }

    @Test
    void machineDetectionOutsideTwiliosValuesIsRefused() {
        assertSchemaViolation(response("<Dial><Number machineDetection=\"Sometimes\">+1555</Number></Dial>"),
                "machineDetection");
        assertSchemaViolation(response("<Dial><Number machineDetection=\"Enable\" machineDetectionTimeout=\"2\">+1555"
                + "</Number></Dial>"), "machineDetectionTimeout");
        assertSchemaViolation(response("<Dial><Number machineDetection=\"Enable\" machineDetectionSilenceTimeout=\"10001\">"
                + "+1555</Number></Dial>"), "machineDetectionSilenceTimeout");
    }

    @Test
    void severalNumbersRingTogether() {
        Dial dial = dialWith(new com.twilio.twiml.voice.Dial.Builder()
                .number(new com.twilio.twiml.voice.Number.Builder("+15550000001").build())
                .number(new com.twilio.twiml.voice.Number.Builder("+15550000002").build())
                .client(new com.twilio.twiml.voice.Client.Builder("alice").build()));

        assertEquals(List.of(
                new DialNumber("+15550000001", null, null, "POST", null, "POST", COMPLETED),
                new DialNumber("+15550000002", null, null, "POST", null, "POST", COMPLETED),
                new DialClient("alice", null, "POST", null, "POST", COMPLETED, Map.of())), dial.nouns());
    }

    @Test
    void clientWithIdentityAndParametersKeepsThem() {
        Dial dial = dialWith(new com.twilio.twiml.voice.Dial.Builder()
                .client(new com.twilio.twiml.voice.Client.Builder()
                        .identity(new Identity.Builder("alice").build())
                        .parameter(new Parameter.Builder().name("ticket").value("42").build())
                        .parameter(new Parameter.Builder().name("priority").value("high").build())
                        .url("/whisper")
                        .method(HttpMethod.GET)
                        .statusCallback("/client-status")
                        .statusCallbackMethod(HttpMethod.GET)
                        .statusCallbackEvents(com.twilio.twiml.voice.Client.Event.RINGING)
                        .build()));

        DialClient client = (DialClient) dial.nouns().get(0);
        assertEquals(new DialClient("alice", "/whisper", "GET", "/client-status", "GET", List.of("ringing"),
                Map.of("ticket", "42", "priority", "high")), client);
        assertEquals(List.of("ticket", "priority"), List.copyOf(client.parameters().keySet()));
    }

    @Test
    void sipKeepsItsUriAndCredentialsAndWarnsThatTheCredentialsCannotBeApplied() {
        TwimlDocument document = parse(new VoiceResponse.Builder().dial(new com.twilio.twiml.voice.Dial.Builder()
                .sip(new com.twilio.twiml.voice.Sip.Builder("sip:alice@example.com;transport=tcp")
                        .username("alice")
                        .password("s3cret pass")
                        .url("/sip-screen")
                        .method(HttpMethod.GET)
                        .statusCallback("/sip-status")
                        .statusCallbackMethod(HttpMethod.GET)
                        .statusCallbackEvents(com.twilio.twiml.voice.Sip.Event.COMPLETED)
                        .build()).build()).build());
        Dial dial = (Dial) document.verbs().get(0);
        assertEquals(2, document.warnings().size(), document.warnings().toString());

        assertEquals(List.of(new DialSip("sip:alice@example.com;transport=tcp", "alice", "s3cret pass", "/sip-screen",
                "GET", "/sip-status", "GET", COMPLETED)), dial.nouns());
    }

    @Test
    void sipDefaults() {
        Dial dial = (Dial) onlyVerb(response("<Dial><Sip>sips:bob@example.com</Sip></Dial>"));

        assertEquals(List.of(new DialSip("sips:bob@example.com", null, null, null, "POST", null, "POST", COMPLETED)),
                dial.nouns());
    }

    @Test
    void conferenceDefaultsAreTwilios() {
        Dial dial = dialWith(new com.twilio.twiml.voice.Dial.Builder()
                .conference(new com.twilio.twiml.voice.Conference.Builder("Room 1234").build()));

        assertEquals(List.of(new DialConference("Room 1234", false, "true", true, false, null, "POST", 250,
                "do-not-record", "trim-silence", null, "POST", List.of(), null, "POST")), dial.nouns());
    }

    @Test
    void conferenceKeepsEveryAttribute() {
        Dial dial = dialWith(new com.twilio.twiml.voice.Dial.Builder()
                .conference(new com.twilio.twiml.voice.Conference.Builder("moderated")
                        .muted(true)
                        .beep(com.twilio.twiml.voice.Conference.Beep.ONEXIT)
                        .startConferenceOnEnter(false)
                        .endConferenceOnExit(true)
                        .waitUrl("https://example.com/wait.xml")
                        .waitMethod(HttpMethod.GET)
                        .maxParticipants(10)
                        .record(com.twilio.twiml.voice.Conference.Record.RECORD_FROM_START)
                        .trim(com.twilio.twiml.voice.Conference.Trim.DO_NOT_TRIM)
                        .statusCallback("/conf-status")
                        .statusCallbackMethod(HttpMethod.GET)
                        .statusCallbackEvents(List.of(com.twilio.twiml.voice.Conference.Event.START,
                                com.twilio.twiml.voice.Conference.Event.JOIN))
                        .recordingStatusCallback("/conf-rec")
                        .recordingStatusCallbackMethod(HttpMethod.GET)
                        .build()));

        assertEquals(List.of(new DialConference("moderated", true, "onExit", false, true,
                "https://example.com/wait.xml", "GET", 10, "record-from-start", "do-not-trim", "/conf-status", "GET",
                List.of("start", "join"), "/conf-rec", "GET")), dial.nouns());
    }

    @Test
    void anEmptyConferenceWaitUrlMeansSilence() {
        DialConference conference = (DialConference) ((Dial) onlyVerb(
                response("<Dial><Conference waitUrl=\"\">quiet</Conference></Dial>"))).nouns().get(0);

        assertEquals("", conference.waitUrl());
    }

    @Test
    void queueDefaultsToPost() {
        TwimlDocument document = parse(new VoiceResponse.Builder().dial(new com.twilio.twiml.voice.Dial.Builder()
                .queue(new com.twilio.twiml.voice.Queue.Builder("support").url("/about-to-connect").build()).build()).build());

        assertEquals(List.of(new DialQueue("support", "/about-to-connect", "POST")), ((Dial) document.verbs().get(0)).nouns());
        assertEquals(0, document.warnings().size(), "the url is played to the dequeued caller: " + document.warnings());
    }

    @Test
    void aConferenceOrAQueueMustStandAlone() {
        assertSchemaViolation(response("<Dial><Number>+15550000001</Number><Conference>room</Conference></Dial>"),
                "<Conference> and <Queue> must be the only noun");
        assertSchemaViolation(response("<Dial><Queue>a</Queue><Queue>b</Queue></Dial>"), "only noun");
    }

    @Test
    void textAndNounsDoNotMix() {
        assertSchemaViolation(response("<Dial>+15550000001<Number>+15550000002</Number></Dial>"), "not both");
    }

    @Test
    void dialNeedsSomethingToDial() {
        assertSchemaViolation(response("<Dial/>"), "<Dial> needs something to dial");
        assertSchemaViolation(response("<Dial action=\"/x\">   </Dial>"), "<Dial> needs something to dial");
    }

    @Test
    void dialRingsAtMostTenParties() {
        String eleven = "<Number>+15550000001</Number>".repeat(11);

        assertSchemaViolation(response("<Dial>" + eleven + "</Dial>"), "at most 10", "found 11");
    }

    @Test
    void dialRefusesVerbsAndUnknownNouns() {
        assertSchemaViolation(response("<Dial><Say>hi</Say></Dial>"), "<Dial> may contain only", "found <Say>");
        assertSchemaViolation(response("<Dial><Sim>DE123</Sim></Dial>"), "found <Sim>");
    }

    @Test
    void clientIdentityIsTextOrIdentityNotBoth() {
        assertSchemaViolation(response("<Dial><Client>bob<Identity>alice</Identity></Client></Dial>"), "not both");
        assertSchemaViolation(response("<Dial><Client><Parameter name=\"a\" value=\"b\"/></Client></Dial>"),
                "<Client> needs an identity");
        assertSchemaViolation(response("<Dial><Client><Identity>a</Identity><Identity>b</Identity></Client></Dial>"),
                "only one <Identity>");
        assertSchemaViolation(response("<Dial><Client>alice<Parameter value=\"b\"/></Client></Dial>"),
                "<Parameter> needs a name");
    }

    @Test
    void nounsNeedTheirText() {
        assertSchemaViolation(response("<Dial><Number/></Dial>"), "<Number> needs a phone number");
        assertSchemaViolation(response("<Dial><Conference/></Dial>"), "<Conference> needs a conference name");
        assertSchemaViolation(response("<Dial><Queue/></Dial>"), "<Queue> needs a queue name");
        assertSchemaViolation(response("<Dial><Sip/></Dial>"), "<Sip> needs a SIP URI");
    }

    @Test
    void numbersAndSipUrisAreChecked() {
        assertSchemaViolation(response("<Dial>call-me-maybe</Dial>"), "<Dial> must be a phone number",
                "'call-me-maybe'");
        assertSchemaViolation(response("<Dial><Number>+1 555 CALL</Number></Dial>"), "<Number> must be a phone number");
        assertSchemaViolation(response("<Dial><Sip>alice@example.com</Sip></Dial>"), "<Sip> must be a SIP URI");
    }
}
