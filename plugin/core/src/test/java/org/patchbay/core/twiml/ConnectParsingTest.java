package org.patchbay.core.twiml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.patchbay.core.twiml.TwimlTestSupport.assertSchemaViolation;
import static org.patchbay.core.twiml.TwimlTestSupport.onlyVerb;
import static org.patchbay.core.twiml.TwimlTestSupport.parse;
import static org.patchbay.core.twiml.TwimlTestSupport.response;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Parameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectParsingTest {

    @Test
    void twiliosHelperLibraryConnectStreamWithParametersParses() {
        VoiceResponse twiml = new VoiceResponse.Builder()
                .connect(new com.twilio.twiml.voice.Connect.Builder().action("/after")
                                .method(com.twilio.http.HttpMethod.GET)
                        .stream(new com.twilio.twiml.voice.Stream.Builder().url("wss://bot.example.com/media")
                                .name("bot").statusCallback("https://app.example.com/stream-status")
                                .parameter(new Parameter.Builder().name("FirstName").value("Jane").build())
                                .parameter(new Parameter.Builder().name("LastName").value("Doe").build())
                                .build())
                        .build())
                .build();
        TwimlDocument document = parse(twiml);
        assertEquals(List.of(), document.warnings(), "statusCallback is applied on <Connect><Stream> too");
        Connect connect = (Connect) document.verbs().get(0);
        assertEquals("/after", connect.action());
        assertEquals("GET", connect.method());
        Stream stream = connect.stream();
        assertEquals("wss://bot.example.com/media", stream.url());
        assertEquals("bot", stream.name());
        assertEquals("inbound_track", stream.track());
        assertEquals("https://app.example.com/stream-status", stream.statusCallback());
        assertEquals(List.of(Map.entry("FirstName", "Jane"), Map.entry("LastName", "Doe")),
                List.copyOf(stream.parameters().entrySet()));
    }

    @Test
    void defaultsAreTwilios() {
        Connect connect = (Connect) onlyVerb(response("<Connect><Stream url=\"ws://127.0.0.1:9000/s\"/></Connect>"));
        assertNull(connect.action());
        assertEquals("POST", connect.method());
        assertEquals(Map.of(), connect.stream().parameters());
        assertNull(connect.stream().name());
    }

    @Test
    void aTrackOtherThanInboundIsWarnedAboutAndInboundKept() {
        TwimlDocument document = parse(response(
                "<Connect><Stream url=\"wss://h/s\" track=\"both_tracks\"/></Connect><Say>after</Say>"));
        assertEquals("inbound_track", ((Connect) document.verbs().get(0)).stream().track());
        assertEquals(1, document.warnings().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://h/s", "/relative", "wss:///nohost", "ftp://h/s", "not a url"})
    void aStreamUrlMustBeAnAbsoluteWebSocketUrl(String url) {
        assertSchemaViolation(response("<Connect><Stream url=\"" + url + "\"/></Connect>"), "<Stream> url",
                "wss://");
    }

    @Test
    void badShapesAreSchemaViolations() {
        assertSchemaViolation(response("<Connect><Stream/></Connect>"), "<Stream> needs a url");
        assertSchemaViolation(response("<Connect></Connect>"), "<Connect> needs a <Stream>");
        assertSchemaViolation(response("<Connect><Stream url=\"wss://h/a\"/><Stream url=\"wss://h/b\"/></Connect>"),
                "only one <Stream>");
        assertSchemaViolation(response("<Connect><Room>r</Room></Connect>"), "<Connect><Room> is not supported");
        assertSchemaViolation(response("<Connect><Stream url=\"wss://h/a\"><Say>x</Say></Stream></Connect>"),
                "<Stream> may contain only <Parameter>");
        assertSchemaViolation(response("<Connect><Stream url=\"wss://h/a\"><Parameter value=\"v\"/></Stream></Connect>"),
                "<Parameter> needs a name");
        assertSchemaViolation(response("<Stream url=\"wss://h/a\"/>"), "belongs inside <Connect>, <Start> or <Stop>");
    }
}
