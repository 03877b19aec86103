package org.patchbay.core.twiml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchbay.core.twiml.TwimlTestSupport.PARSER;
import static org.patchbay.core.twiml.TwimlTestSupport.assertOneWarning;
import static org.patchbay.core.twiml.TwimlTestSupport.onlyVerb;
import static org.patchbay.core.twiml.TwimlTestSupport.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The XML around the verbs: what may surround them, and the parser being shared. */
class DocumentStructureTest {

    @Test
    void anEmptyResponseHasNoVerbs() {
        assertEquals(new TwimlDocument(List.of(), List.of()), parse("<Response/>"));
        assertEquals(new TwimlDocument(List.of(), List.of()), parse("<Response>\n  \n</Response>"));
    }

    @Test
    void commentsProcessingInstructionsAndTheDeclarationAreIgnored() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<!-- generated -->\n"
                + "<Response><?php echo 1; ?><!-- a comment --><Say>Hi<!-- inside --> there</Say></Response>";

        assertEquals(new Say("Hi there", null, null, 1), onlyVerb(xml));
    }

    @Test
    void cdataIsText() {
        assertEquals(new Say("Tom & Jerry <3", null, null, 1),
                onlyVerb("<Response><Say><![CDATA[Tom & Jerry <3]]></Say></Response>"));
        assertEquals(new Redirect("/next?a=1&b=2", "POST"),
                onlyVerb("<Response><Redirect><![CDATA[/next?a=1&b=2]]></Redirect></Response>"));
    }

    @Test
    void aLeadingByteOrderMarkIsTolerated() {
        assertEquals(new Hangup(), onlyVerb("\uFEFF<?xml version=\"1.0\"?><Response><Hangup/></Response>"));
    }

    @Test
    void aDeclaredEncodingDoesNotMatterForText() {
        assertEquals(new Say("Grüße", null, null, 1),
                onlyVerb("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Response><Say>Grüße</Say></Response>"));
    }

    @Test
    void attributesOfResponseAreIgnoredWithAWarning() {
        TwimlDocument document = parse("<Response xmlns=\"http://www.twilio.com/twiml\"><Hangup/></Response>");

        assertEquals(List.of(new Hangup()), document.verbs());
        assertOneWarning(document, "<Response>", "'xmlns'");
    }

    @Test
    void theParsedDocumentCannotBeChanged() {
        TwimlDocument document = parse("<Response><Gather><Say>a</Say></Gather><Dial>+1555</Dial></Response>");

        assertImmutable(document.verbs());
        assertImmutable(((Gather) document.verbs().get(0)).prompts());
        assertImmutable(((Dial) document.verbs().get(1)).nouns());
    }

    private static <T> void assertImmutable(List<T> list) {
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> list.add(null));
    }

    @Test
    void oneParserServesManyThreadsWithTheSameAnswers() throws Exception {
        List<String> documents = List.of(
                "<Response><Say voice=\"alice\" loop=\"2\">Hello</Say><Hangup/></Response>",
                "<Response><Gather numDigits=\"1\" action=\"/m\"><Play>/a.wav</Play></Gather></Response>",
                "<Response><Dial><Conference beep=\"onEnter\">room</Conference></Dial></Response>",
                "<Response><Record maxLength=\"30\" foo=\"bar\"/></Response>");
        List<TwimlDocument> expected = new ArrayList<>();
        for (String document : documents) {
            expected.add(PARSER.parse(document));
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 64; task++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < documents.size(); i++) {
                            if (!PARSER.parse(documents.get(i)).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertEquals(true, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
