package org.patchbay.core.twiml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchbay.core.twiml.TwimlTestSupport.assertSchemaViolation;
import static org.patchbay.core.twiml.TwimlTestSupport.onlyVerb;
import static org.patchbay.core.twiml.TwimlTestSupport.parse;
import static org.patchbay.core.twiml.TwimlTestSupport.response;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Parameter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code <Start><Stream>} and {@code <Stop><Stream>}, as Twilio's helper library writes them and as hand-written. */
class ForkParsingTest {

    @Test
    void twiliosHelperLibraryStartStreamParsesWithEveryAttributeApplied() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .start(new com.twilio.twiml.voice.Start.Builder()
                        .stream(new com.twilio.twiml.voice.Stream.Builder().url("wss://fork.example.com/audio")
                                .name("listener").track(com.twilio.twiml.voice.Stream.Track.BOTH_TRACKS)
                                .statusCallback("https://app.example.com/stream-status")
                                .statusCallbackMethod(com.twilio.twiml.voice.Stream.StatusCallbackMethod.GET)
                                .parameter(new Parameter.Builder().name("Who").value("Jane").build())
                                .build())
                        .build())
                .say(new com.twilio.twiml.voice.Say.Builder("while the fork runs").build())
                .stop(new com.twilio.twiml.voice.Stop.Builder()
                        .stream(new com.twilio.twiml.voice.Stream.Builder().name("listener").build()).build())
                .build();
        TwimlDocument document = parse(twiml);
        assertTrue(document.warnings().isEmpty(), document.warnings().toString());
        Stream stream = ((Start) document.verbs().get(0)).stream();
        assertEquals(new Stream("wss://fork.example.com/audio", "listener", "both_tracks",
                "https://app.example.com/stream-status", "GET", Map.of("Who", "Jane")), stream);
        assertEquals(new Stop("listener"), document.verbs().get(2));
    }

    @Test
    void defaultsAreTwilios() {
        Start start = (Start) onlyVerb(response("<Start><Stream url=\"ws://127.0.0.1:9000/s\"/></Start>"));
        assertEquals("inbound_track", start.stream().track());
        assertNull(start.stream().name());
        assertNull(start.stream().statusCallback());
        assertEquals("POST", start.stream().statusCallbackMethod());
        assertEquals(Map.of(), start.stream().parameters());
        assertEquals(new Stop(null), onlyVerb(response("<Stop><Stream/></Stop>")));
        assertEquals(new Stop(null), onlyVerb(response("<Stop><Stream name=\"\"/></Stop>")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"inbound_track", "outbound_track", "both_tracks"})
    void everyTrackIsKept(String track) {
        Start start = (Start) onlyVerb(response("<Start><Stream url=\"wss://h/s\" track=\"" + track + "\"/></Start>"));
        assertEquals(track, start.stream().track());
    }

    @Test
    void badShapesAreSchemaViolations() {
        assertSchemaViolation(response("<Start/>"), "<Start> needs a <Stream>");
        assertSchemaViolation(response("<Stop/>"), "<Stop> needs a <Stream>");
        assertSchemaViolation(response("<Start><Stream/></Start>"), "<Stream> needs a url");
        assertSchemaViolation(response("<Start><Stream url=\"https://h/s\"/></Start>"), "wss://");
        assertSchemaViolation(response("<Start><Stream url=\"wss://h/s\" track=\"sideways\"/></Start>"), "track");
        assertSchemaViolation(response("<Start><Stream url=\"wss://h/a\"/><Stream url=\"wss://h/b\"/></Start>"),
                "<Start> may contain only one <Stream>");
        assertSchemaViolation(response("<Start><Siprec/></Start>"), "<Start><Siprec> is not supported");
        assertSchemaViolation(response("<Stop><Transcription/></Stop>"), "<Stop><Transcription> is not supported");
        assertSchemaViolation(response("<Start><Say>x</Say></Start>"), "<Start> may contain only <Stream>");
        assertSchemaViolation(response("<Start>text</Start>"), "found text");
        assertSchemaViolation(response("<Stop><Stream name=\"a\"/><Stream name=\"b\"/></Stop>"), "only one <Stream>");
    }

    @Test
    void aConnectStreamKeepsItsStatusCallbackButWarnsAboutAnotherTrack() {
        TwimlDocument document = parse(response("<Connect><Stream url=\"wss://h/s\" track=\"both_tracks\""
                + " statusCallback=\"https://app.example.com/s\"/></Connect>"));
        assertEquals(1, document.warnings().size(), document.warnings().toString());
        assertEquals("https://app.example.com/s", ((Connect) document.verbs().get(0)).stream().statusCallback());
        assertEquals("inbound_track", ((Connect) document.verbs().get(0)).stream().track());
    }
}
