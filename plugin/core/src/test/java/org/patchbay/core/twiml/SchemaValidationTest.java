package org.patchbay.core.twiml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchbay.core.twiml.TwimlTestSupport.assertOneWarning;
import static org.patchbay.core.twiml.TwimlTestSupport.assertSchemaViolation;
import static org.patchbay.core.twiml.TwimlTestSupport.parse;
import static org.patchbay.core.twiml.TwimlTestSupport.response;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchbay.core.twiml.TwimlDocument.TwimlWarning;

/** Well-formed XML that is not valid TwiML: refused with 12200 and a message that says what and where. */
class SchemaValidationTest {

    private static Arguments bad(String verbs, String... fragments) {
        return Arguments.of(verbs, List.of(fragments));
    }

    static Stream<Arguments> badAttributeValues() {
        return Stream.of(
                bad("<Say loop=\"abc\">hi</Say>", "<Say>", "'loop'", "'abc'", "whole number"),
                bad("<Say loop=\"-1\">hi</Say>", "<Say>", "'loop'", "'-1'"),
                bad("<Play loop=\"1.5\">/a.mp3</Play>", "<Play>", "'loop'", "'1.5'"),
                bad("<Play loop=\"\">/a.mp3</Play>", "<Play>", "'loop'", "''"),
                bad("<Play digits=\"12x\"/>", "<Play>", "'digits'", "'12x'", "0-9, #, * and w"),
                bad("<Pause length=\"0\"/>", "<Pause>", "'length'", "'0'", "from 1 to 14400"),
                bad("<Pause length=\"-3\"/>", "<Pause>", "'length'", "'-3'"),
                bad("<Pause length=\"99999999999\"/>", "<Pause>", "'length'", "'99999999999'"),
                bad("<Redirect method=\"PUT\">/next</Redirect>", "<Redirect>", "'method'", "'PUT'", "GET, POST"),
                bad("<Redirect method=\"\">/next</Redirect>", "<Redirect>", "'method'", "''"),
                bad("<Reject reason=\"hangup\"/>", "<Reject>", "'reason'", "'hangup'", "rejected, busy"),
                bad("<Gather method=\"delete\"/>", "<Gather>", "'method'", "'delete'"),
                bad("<Gather finishOnKey=\"a\"/>", "<Gather>", "'finishOnKey'", "'a'", "0-9, # and *"),
                bad("<Gather finishOnKey=\"#x\"/>", "<Gather>", "'finishOnKey'", "'#x'"),
                bad("<Gather numDigits=\"0\"/>", "<Gather>", "'numDigits'", "'0'"),
                bad("<Gather timeout=\"0\"/>", "<Gather>", "'timeout'", "'0'"),
                bad("<Gather input=\"voice\"/>", "<Gather>", "'input'", "'voice'", "dtmf, speech"),
                bad("<Gather bargeIn=\"yes\"/>", "<Gather>", "'bargeIn'", "'yes'", "true or false"),
                bad("<Gather actionOnEmptyResult=\"1\"/>", "<Gather>", "'actionOnEmptyResult'", "'1'"),
                bad("<Gather action=\"ftp://example.com/menu\"/>", "<Gather>", "'action'", "'ftp://example.com/menu'",
                        "http(s) URL or a relative URL"),
                bad("<Gather action=\"javascript:alert(1)\"/>", "<Gather>", "'action'", "'javascript:alert(1)'"),
                bad("<Gather action=\"file:///etc/passwd\"/>", "<Gather>", "'action'", "'file:///etc/passwd'"),
                bad("<Gather action=\"http://\"/>", "<Gather>", "'action'", "'http://'"),
                bad("<Gather action=\"/menu with spaces\"/>", "<Gather>", "'action'", "'/menu with spaces'"),
                bad("<Record trim=\"yes\"/>", "<Record>", "'trim'", "'yes'", "trim-silence, do-not-trim"),
                bad("<Record maxLength=\"0\"/>", "<Record>", "'maxLength'", "'0'"),
                bad("<Record timeout=\"-1\"/>", "<Record>", "'timeout'", "'-1'"),
                bad("<Record playBeep=\"1\"/>", "<Record>", "'playBeep'", "'1'"),
                bad("<Record finishOnKey=\"A\"/>", "<Record>", "'finishOnKey'", "'A'"),
                bad("<Record recordingStatusCallbackEvent=\"completed done\"/>", "<Record>",
                        "'recordingStatusCallbackEvent'", "'completed done'", "in-progress, completed, absent"),
                bad("<Record recordingStatusCallback=\"mailto:me@example.com\"/>", "<Record>",
                        "'recordingStatusCallback'"),
                bad("<Dial record=\"always\">+15551234567</Dial>", "<Dial>", "'record'", "'always'",
                        "record-from-answer-dual"),
                bad("<Dial timeout=\"0\">+15551234567</Dial>", "<Dial>", "'timeout'", "'0'", "from 1 to 600"),
                bad("<Dial timeout=\"601\">+15551234567</Dial>", "<Dial>", "'timeout'", "'601'"),
                bad("<Dial timeLimit=\"-5\">+15551234567</Dial>", "<Dial>", "'timeLimit'", "'-5'"),
                bad("<Dial hangupOnStar=\"maybe\">+15551234567</Dial>", "<Dial>", "'hangupOnStar'", "'maybe'"),
                bad("<Dial answerOnBridge=\"on\">+15551234567</Dial>", "<Dial>", "'answerOnBridge'", "'on'"),
                bad("<Dial ringTone=\"mars\">+15551234567</Dial>", "<Dial>", "'ringTone'", "'mars'"),
                bad("<Dial method=\"PATCH\">+15551234567</Dial>", "<Dial>", "'method'", "'PATCH'"),
                bad("<Dial><Number statusCallbackEvent=\"hangup\">+15551234567</Number></Dial>", "<Number>",
                        "'statusCallbackEvent'", "'hangup'", "initiated, ringing, answered, completed"),
                bad("<Dial><Number sendDigits=\"12x\">+15551234567</Number></Dial>", "<Number>", "'sendDigits'"),
                bad("<Dial><Number url=\"ssh://x\">+15551234567</Number></Dial>", "<Number>", "'url'", "'ssh://x'"),
                bad("<Dial><Client method=\"PUT\">alice</Client></Dial>", "<Client>", "'method'", "'PUT'"),
                bad("<Dial><Sip statusCallbackMethod=\"HEAD\">sip:a@b.c</Sip></Dial>", "<Sip>",
                        "'statusCallbackMethod'", "'HEAD'"),
                bad("<Dial><Conference beep=\"loud\">room</Conference></Dial>", "<Conference>", "'beep'", "'loud'",
                        "true, false, onEnter, onExit"),
                bad("<Dial><Conference maxParticipants=\"251\">room</Conference></Dial>", "<Conference>",
                        "'maxParticipants'", "'251'", "from 1 to 250"),
                bad("<Dial><Conference record=\"record-from-answer\">room</Conference></Dial>", "<Conference>",
                        "'record'", "do-not-record, record-from-start"),
                bad("<Dial><Conference waitMethod=\"DELETE\">room</Conference></Dial>", "<Conference>",
                        "'waitMethod'", "'DELETE'"),
                bad("<Dial><Conference statusCallbackEvent=\"start explode\">room</Conference></Dial>",
                        "<Conference>", "'statusCallbackEvent'", "'start explode'"),
                bad("<Dial><Conference muted=\"no\">room</Conference></Dial>", "<Conference>", "'muted'", "'no'"),
                bad("<Dial><Queue url=\"gopher://x\">support</Queue></Dial>", "<Queue>", "'url'", "'gopher://x'"),
                bad("<Enqueue waitUrl=\"gopher://x\">support</Enqueue>", "<Enqueue>", "'waitUrl'", "'gopher://x'"),
                bad("<Enqueue waitUrlMethod=\"put\">support</Enqueue>", "<Enqueue>", "'waitUrlMethod'", "'put'"));
    }

    @ParameterizedTest
    @MethodSource("badAttributeValues")
    void badAttributeValuesNameElementAttributeAndValue(String verbs, List<String> fragments) {
        assertSchemaViolation(response(verbs), fragments.toArray(String[]::new));
    }

    static Stream<Arguments> badContent() {
        return Stream.of(
                bad("<Play/>", "<Play> needs a media URL"),
                bad("<Play>   </Play>", "<Play> needs a media URL"),
                bad("<Play>ftp://example.com/a.mp3</Play>", "<Play> media", "'ftp://example.com/a.mp3'"),
                bad("<Play>sound:</Play>", "<Play> media", "'sound:'"),
                bad("<Redirect/>", "<Redirect> needs a URL"),
                bad("<Redirect>mailto:someone@example.com</Redirect>", "<Redirect> URL", "'mailto:someone@example.com'"),
                bad("<Play><Say>hi</Say></Play>", "<Play> may contain only text", "found <Say>"),
                bad("<Redirect><Dial/></Redirect>", "<Redirect> may contain only text", "found <Dial>"),
                bad("<Hangup>now</Hangup>", "<Hangup> takes no content", "'now'"),
                bad("<Pause><Say>hi</Say></Pause>", "<Pause> may contain only text", "found <Say>"),
                bad("<Record>x</Record>", "<Record> takes no content"),
                bad("<Reject><Parameter name=\"a\" value=\"b\"/></Reject>", "<Reject> may contain only text"),
                bad("<Enqueue/>", "<Enqueue> needs a queue name"),
                bad("<Enqueue>" + "q".repeat(65) + "</Enqueue>", "<Enqueue> queue name is longer than 64"),
                bad("<Enqueue workflowSid=\"WW1\"><Task>{}</Task></Enqueue>", "<Enqueue> may contain only text",
                        "found <Task>"),
                bad("Hello", "<Response> may contain only verbs", "'Hello'"),
                bad("<Foo/>", "<Foo> is not a TwiML voice verb"),
                bad("<say>lower case</say>", "<say> is not a TwiML voice verb"),
                bad("<Response/>", "<Response> is not a TwiML voice verb"),
                bad("<Number>+15551234567</Number>", "<Number> is not a verb", "inside <Dial>"),
                bad("<Conference>room</Conference>", "<Conference> is not a verb", "inside <Dial>"),
                bad("<Parameter name=\"a\"/>", "<Parameter> is not a verb", "inside <Client>"));
    }

    @ParameterizedTest
    @MethodSource("badContent")
    void badContentAndNestingAreSchemaViolations(String verbs, List<String> fragments) {
        assertSchemaViolation(response(verbs), fragments.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Refer", "Sms", "Message", "Echo", "Autopilot", "Pay", "Prompt",
            "Siprec"})
    void twilioVerbsPatchbayLacksSaySo(String verb) {
        assertSchemaViolation(response("<Say>first</Say><" + verb + "/>"), "<" + verb + ">",
                "Patchbay does not support yet");
    }

    @Test
    void unknownAttributesAreWarningsNotErrors() {
        TwimlDocument document = parse(response("<Say foo=\"bar\">hi</Say>"));

        assertEquals(List.of(new Say("hi", null, null, 1)), document.verbs());
        assertOneWarning(document, "<Say>", "'foo'", "ignored");
    }

    @Test
    void attributeNamesAreCaseSensitiveLikeTwilios() {
        TwimlDocument document = parse(response("<Say Loop=\"3\">hi</Say>"));

        assertEquals(List.of(new Say("hi", null, null, 1)), document.verbs());
        assertOneWarning(document, "'Loop'");
    }

    @Test
    void attributesOfNestedElementsAreWarnedAboutToo() {
        TwimlDocument document = parse(response(
                "<Dial><Number byoc=\"BY0123\">+15551234567</Number></Dial>"));

        assertOneWarning(document, "<Number>", "'byoc'");
    }

    @Test
    void warningsFromEveryVerbAreCollectedInOrder() {
        TwimlDocument document = parse(response("<Say a=\"1\">x</Say><Gather input=\"speech\" b=\"2\"/>"));

        List<String> messages = document.warnings().stream().map(TwimlWarning::message).toList();
        assertEquals(3, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("<Say> attribute 'a'"), messages.get(0));
        assertTrue(messages.get(1).contains("speech recognition"), messages.get(1));
        assertTrue(messages.get(2).contains("<Gather> attribute 'b'"), messages.get(2));
    }
}
