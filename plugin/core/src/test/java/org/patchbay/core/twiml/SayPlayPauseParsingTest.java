package org.patchbay.core.twiml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchbay.core.twiml.TwimlTestSupport.assertOneWarning;
import static org.patchbay.core.twiml.TwimlTestSupport.assertSchemaViolation;
import static org.patchbay.core.twiml.TwimlTestSupport.onlyVerb;
import static org.patchbay.core.twiml.TwimlTestSupport.parse;
import static org.patchbay.core.twiml.TwimlTestSupport.response;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.SsmlBreak;
import com.twilio.twiml.voice.SsmlEmphasis;
import com.twilio.twiml.voice.SsmlProsody;
import com.twilio.twiml.voice.SsmlS;
import java.util.List;
import org.junit.jupiter.api.Test;

class SayPlayPauseParsingTest {

    @Test
    void sayDefaultsToOneLoopAndTheEngineVoice() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .say(new com.twilio.twiml.voice.Say.Builder("Hello world").build())
                .build();

        assertEquals(new Say("Hello world", null, null, 1), onlyVerb(twiml));
    }

    @Test
    void sayKeepsEveryAttribute() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .say(new com.twilio.twiml.voice.Say.Builder("Bonjour")
                        .voice(com.twilio.twiml.voice.Say.Voice.POLLY_CELINE)
                        .language(com.twilio.twiml.voice.Say.Language.FR_FR)
                        .loop(0)
                        .build())
                .build();

        assertEquals(new Say("Bonjour", "Polly.Celine", "fr-FR", 0), onlyVerb(twiml));
    }

    @Test
    void sayDropsSsmlTagsAndKeepsTheirTextWithWordsApart() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .say(new com.twilio.twiml.voice.Say.Builder("Hello")
                        .break_(new SsmlBreak.Builder().time("1s").build())
                        .emphasis(new SsmlEmphasis.Builder("big").build())
                        .s(new SsmlS.Builder("One").build())
                        .s(new SsmlS.Builder("Two").build())
                        .prosody(new SsmlProsody.Builder("slowly").rate("slow").build())
                        .build())
                .build();

        assertEquals(new Say("Hello big One Two slowly", null, null, 1), onlyVerb(twiml));
    }

    @Test
    void sayAcceptsAmazonEffectsWithoutANamespaceDeclaration() {
        String xml = response("<Say voice=\"Polly.Joanna\"><amazon:effect name=\"whispered\">psst</amazon:effect>"
                + " <say-as interpret-as=\"digits\">42</say-as></Say>");

        assertEquals(new Say("psst 42", "Polly.Joanna", null, 1), onlyVerb(xml));
    }

    @Test
    void sayTrimsAndCollapsesWhitespaceAndResolvesPredefinedEntities() {
        String xml = response("<Say>\n    Fish &amp; chips,\n    &#169; &lt;2025&gt;   \n</Say>");

        assertEquals(new Say("Fish & chips, © <2025>", null, null, 1), onlyVerb(xml));
    }

    @Test
    void emptySaySaysNothing() {
        assertEquals(new Say("", null, null, 1), onlyVerb(response("<Say/>")));
        assertEquals(new Say("", null, null, 1), onlyVerb(response("<Say>   </Say>")));
    }

    @Test
    void sayLoopIsCappedWhereTwilioStops() {
        assertEquals(new Say("hi", null, null, 1000), onlyVerb(response("<Say loop=\"1000\">hi</Say>")));
        assertSchemaViolation(response("<Say loop=\"1001\">hi</Say>"), "<Say>", "'loop'", "'1001'", "0 to 1000");
    }

    @Test
    void sayRefusesElementsThatAreNotSsml() {
        assertSchemaViolation(response("<Say>Hi <Play>x.mp3</Play></Say>"), "<Say>", "<Play>", "SSML");
    }

    @Test
    void sayRefusesTextLongerThanTwilioAllows() {
        assertSchemaViolation(response("<Say>" + "a".repeat(4097) + "</Say>"), "<Say>", "4097", "4096");
    }

    @Test
    void playDefaultsToOneLoop() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .play(new com.twilio.twiml.voice.Play.Builder("https://api.twilio.com/cowbell.mp3").build())
                .build();

        assertEquals(new Play("https://api.twilio.com/cowbell.mp3", null, 1), onlyVerb(twiml));
    }

    @Test
    void playKeepsLoopAndARelativeUrl() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .play(new com.twilio.twiml.voice.Play.Builder("/media/cowbell.mp3").loop(10).build())
                .build();

        assertEquals(new Play("/media/cowbell.mp3", null, 10), onlyVerb(twiml));
    }

    @Test
    void playTrimsItsUrl() {
        String xml = response("<Play>\n    https://example.com/a.mp3\n  </Play>");

        assertEquals(new Play("https://example.com/a.mp3", null, 1), onlyVerb(xml));
    }

    @Test
    void playWithDigitsSendsThemAndHasNoUrl() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .play(new com.twilio.twiml.voice.Play.Builder().digits("ww1234#").build())
                .build();

        assertEquals(new Play(null, "ww1234#", 1), onlyVerb(twiml));
    }

    @Test
    void playWithDigitsAndAUrlSendsTheDigitsAndWarns() {
        TwimlDocument document = parse(response("<Play digits=\"9\">https://example.com/a.mp3</Play>"));

        assertEquals(List.of(new Play(null, "9", 1)), document.verbs());
        assertOneWarning(document, "<Play>", "digits", "ignores the URL");
    }

    @Test
    void playAcceptsAsteriskSoundReferences() {
        assertEquals(new Play("sound:hello-world", null, 1), onlyVerb(response("<Play>sound:hello-world</Play>")));
        assertEquals(new Play("recording:greeting", null, 2),
                onlyVerb(response("<Play loop=\"2\">recording:greeting</Play>")));
    }

    @Test
    void pauseDefaultsToOneSecond() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .pause(new com.twilio.twiml.voice.Pause.Builder().build())
                .build();

        assertEquals(new Pause(1), onlyVerb(twiml));
    }

    @Test
    void pauseKeepsItsLength() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .pause(new com.twilio.twiml.voice.Pause.Builder().length(10).build())
                .build();

        assertEquals(new Pause(10), onlyVerb(twiml));
    }
}
