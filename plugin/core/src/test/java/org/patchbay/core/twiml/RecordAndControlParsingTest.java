package org.patchbay.core.twiml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchbay.core.twiml.TwimlTestSupport.assertOneWarning;
import static org.patchbay.core.twiml.TwimlTestSupport.onlyVerb;
import static org.patchbay.core.twiml.TwimlTestSupport.parse;
import static org.patchbay.core.twiml.TwimlTestSupport.response;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordAndControlParsingTest {

    @Test
    void recordDefaultsAreTwilios() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .record(new com.twilio.twiml.voice.Record.Builder().build())
                .build();

        RecordVerb expected = new RecordVerb(null, "POST", 5, "1234567890*#", 3600, true, "trim-silence", null,
                "POST", List.of("completed"));
        assertEquals(expected, onlyVerb(twiml));
    }

    @Test
    void recordKeepsEveryAttribute() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .record(new com.twilio.twiml.voice.Record.Builder()
                        .action("/handle-recording")
                        .method(HttpMethod.GET)
                        .timeout(0)
                        .finishOnKey("#*")
                        .maxLength(20)
                        .playBeep(false)
                        .trim(com.twilio.twiml.voice.Record.Trim.DO_NOT_TRIM)
                        .recordingStatusCallback("https://example.com/recordings")
                        .recordingStatusCallbackMethod(HttpMethod.GET)
                        .recordingStatusCallbackEvents(List.of(
                                com.twilio.twiml.voice.Record.RecordingEvent.IN_PROGRESS,
                                com.twilio.twiml.voice.Record.RecordingEvent.COMPLETED,
                                com.twilio.twiml.voice.Record.RecordingEvent.ABSENT))
                        .build())
                .build();

        RecordVerb expected = new RecordVerb("/handle-recording", "GET", 0, "#*", 20, false, "do-not-trim",
                "https://example.com/recordings", "GET", List.of("in-progress", "completed", "absent"));
        TwimlDocument document = parse(twiml);
        assertEquals(List.of(expected), document.verbs());
        assertEquals(0, document.warnings().size(), document.warnings().toString());
    }

    @Test
    void transcriptionIsNotSupportedAndWarns() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .record(new com.twilio.twiml.voice.Record.Builder().transcribe(true).build())
                .build();

        assertOneWarning(parse(twiml), "<Record>", "'transcribe'", "not supported");
    }

    @Test
    void hangupAndLeaveTakeNothing() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .leave(new com.twilio.twiml.voice.Leave.Builder().build())
                .hangup(new com.twilio.twiml.voice.Hangup.Builder().build())
                .build();

        assertEquals(List.of(new Leave(), new Hangup()), parse(twiml).verbs());
    }

    @Test
    void rejectDefaultsToRejected() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .reject(new com.twilio.twiml.voice.Reject.Builder().build())
                .build();

        assertEquals(new Reject("rejected"), onlyVerb(twiml));
    }

    @Test
    void rejectMaySoundBusy() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .reject(new com.twilio.twiml.voice.Reject.Builder()
                        .reason(com.twilio.twiml.voice.Reject.Reason.BUSY).build())
                .build();

        assertEquals(new Reject("busy"), onlyVerb(twiml));
    }

    @Test
    void redirectDefaultsToPost() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .redirect(new com.twilio.twiml.voice.Redirect.Builder("https://example.com/next").build())
                .build();

        assertEquals(new Redirect("https://example.com/next", "POST"), onlyVerb(twiml));
    }

    @Test
    void redirectKeepsItsMethodAndARelativeUrl() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .redirect(new com.twilio.twiml.voice.Redirect.Builder("../menu.xml?lang=fr").method(HttpMethod.GET)
                        .build())
                .build();

        assertEquals(new Redirect("../menu.xml?lang=fr", "GET"), onlyVerb(twiml));
    }

    @Test
    void redirectTrimsItsUrl() {
        assertEquals(new Redirect("/next", "POST"), onlyVerb(response("<Redirect>\n  /next  \n</Redirect>")));
    }

    @Test
    void enqueueDefaultsToPostAndTheDefaultHoldMusic() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .enqueue(new com.twilio.twiml.voice.Enqueue.Builder("support").build())
                .build();

        assertEquals(new Enqueue("support", null, "POST", null, "POST"), onlyVerb(twiml));
    }

    @Test
    void enqueueKeepsEveryAttribute() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .enqueue(new com.twilio.twiml.voice.Enqueue.Builder("support")
                        .action("/queue-done")
                        .method(HttpMethod.GET)
                        .waitUrl("https://example.com/hold.xml")
                        .waitUrlMethod(HttpMethod.GET)
                        .build())
                .build();

        assertEquals(new Enqueue("support", "/queue-done", "GET", "https://example.com/hold.xml", "GET"),
                onlyVerb(twiml));
    }

    @Test
    void verbsKeepTheirOrder() {
        String xml = response("<Say>one</Say><Pause/><Play>/two.wav</Play><Hangup/>");

        assertEquals(List.of(new Say("one", null, null, 1), new Pause(1), new Play("/two.wav", null, 1), new Hangup()),
                parse(xml).verbs());
    }
}
