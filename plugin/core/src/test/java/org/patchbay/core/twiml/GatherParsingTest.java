package org.patchbay.core.twiml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchbay.core.twiml.TwimlTestSupport.assertOneWarning;
import static org.patchbay.core.twiml.TwimlTestSupport.assertSchemaViolation;
import static org.patchbay.core.twiml.TwimlTestSupport.onlyVerb;
import static org.patchbay.core.twiml.TwimlTestSupport.parse;
import static org.patchbay.core.twiml.TwimlTestSupport.response;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatherParsingTest {

    @Test
    void gatherDefaultsAreTwilios() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .gather(new com.twilio.twiml.voice.Gather.Builder().build())
                .build();

        Gather expected = new Gather(null, "POST", Set.of("dtmf"), 5, "#", null, false, true, null, List.of());
        assertEquals(expected, onlyVerb(twiml));
    }

    @Test
    void gatherKeepsEveryAttributeAndItsPromptsInOrder() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .gather(new com.twilio.twiml.voice.Gather.Builder()
                        .action("https://example.com/menu?step=2")
                        .method(HttpMethod.GET)
                        .inputs(com.twilio.twiml.voice.Gather.Input.DTMF)
                        .timeout(10)
                        .finishOnKey("*")
                        .numDigits(4)
                        .actionOnEmptyResult(true)
                        .bargeIn(false)
                        .language(com.twilio.twiml.voice.Gather.Language.EN_GB)
                        .say(new com.twilio.twiml.voice.Say.Builder("Enter your PIN").loop(2).build())
                        .pause(new com.twilio.twiml.voice.Pause.Builder().length(2).build())
                        .play(new com.twilio.twiml.voice.Play.Builder("/beep.wav").build())
                        .build())
                .build();

        List<Prompt> prompts = List.of(new Say("Enter your PIN", null, null, 2), new Pause(2),
                new Play("/beep.wav", null, 1));
        Gather expected = new Gather("https://example.com/menu?step=2", "GET", Set.of("dtmf"), 10, "*", 4, true,
                false, "en-GB", prompts);
        assertEquals(expected, onlyVerb(twiml));
    }

    @Test
    void anEmptyFinishOnKeyDisablesIt() {
        Gather gather = (Gather) onlyVerb(response("<Gather finishOnKey=\"\"/>"));

        assertEquals("", gather.finishOnKey());
    }

    @Test
    void methodAndBooleansIgnoreCase() {
        Gather gather = (Gather) onlyVerb(response("<Gather method=\"get\" bargeIn=\"FALSE\" actionOnEmptyResult=\"True\"/>"));

        assertEquals("GET", gather.method());
        assertEquals(false, gather.bargeIn());
        assertEquals(true, gather.actionOnEmptyResult());
    }

    @Test
    void speechInputIsKeptButWarnsThatOnlyDtmfIsCollected() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .gather(new com.twilio.twiml.voice.Gather.Builder()
                        .inputs(List.of(com.twilio.twiml.voice.Gather.Input.DTMF,
                                com.twilio.twiml.voice.Gather.Input.SPEECH))
                        .build())
                .build();

        TwimlDocument document = parse(twiml);

        assertEquals(Set.of("dtmf", "speech"), ((Gather) document.verbs().get(0)).input());
        assertOneWarning(document, "speech recognition is not available", "DTMF only");
    }

    @Test
    void speechOnlyInputAlsoWarns() {
        TwimlDocument document = parse(response("<Gather input=\"speech\"><Say>Say something</Say></Gather>"));

        assertEquals(Set.of("speech"), ((Gather) document.verbs().get(0)).input());
        assertOneWarning(document, "speech recognition is not available");
    }

    @Test
    void speechAttributesTwilioDocumentsAreIgnoredWithAWarning() {
        TwimlDocument document = parse(response("<Gather hints=\"yes, no\"/>"));

        assertEquals(List.of(new Gather(null, "POST", Set.of("dtmf"), 5, "#", null, false, true, null, List.of())),
                document.verbs());
        assertOneWarning(document, "<Gather>", "'hints'", "ignored");
    }

    @Test
    void gatherRefusesVerbsOtherThanSayPlayAndPause() {
        assertSchemaViolation(response("<Gather><Dial>+15551234567</Dial></Gather>"),
                "<Gather> may contain only <Say>, <Play> and <Pause>", "<Dial>");
        assertSchemaViolation(response("<Gather><Gather/></Gather>"), "<Gather>", "found <Gather>");
    }

    @Test
    void gatherRefusesLooseText() {
        assertSchemaViolation(response("<Gather>Press one</Gather>"), "<Gather>", "found text 'Press one'");
    }
}
