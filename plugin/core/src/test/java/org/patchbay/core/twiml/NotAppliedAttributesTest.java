package org.patchbay.core.twiml;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchbay.core.twiml.TwimlTestSupport.assertOneWarning;
import static org.patchbay.core.twiml.TwimlTestSupport.parse;
import static org.patchbay.core.twiml.TwimlTestSupport.response;

/** Attributes Patchbay checks but cannot carry out raise the 12200 warning naming them; what it applies raises none. */
class NotAppliedAttributesTest {

    @Test
    void sipCredentials() {
        assertEquals(2, parse(response("<Dial><Sip username=\"u\" password=\"p\">sip:a@b.example</Sip></Dial>"))
                .warnings().size());
        assertOneWarning(parse(response("<Dial><Sip username=\"u\">sip:a@b.example</Sip></Dial>")), "<Sip>", "'username'",
                "per-call credentials");
    }

    @Test
    void queueUrlIsApplied() {
        assertEquals(0, parse(response("<Dial><Queue url=\"/whisper\">support</Queue></Dial>")).warnings().size());
    }

    @Test
    void recordTrim() {
        assertOneWarning(parse(response("<Record trim=\"trim-silence\"/>")), "<Record>", "'trim'", "keeps its silence");
        assertEquals(0, parse(response("<Record trim=\"do-not-trim\"/>")).warnings().size());
    }

    @Test
    void recordingStatusCallbackEventsAreAppliedWhereverTwilioHasThem() {
        assertEquals(0, parse(response("<Record recordingStatusCallbackEvent=\"in-progress completed\"/>")).warnings().size());
        assertEquals(0, parse(response("<Dial record=\"record-from-answer\" recordingStatusCallbackEvent=\"in-progress absent\">"
                + "+15551234567</Dial>")).warnings().size());
        assertEquals(0, parse(response("<Dial><Conference record=\"record-from-start\""
                + " recordingStatusCallbackEvent=\"in-progress completed\">room</Conference></Dial>")).warnings().size());
    }

    @Test
    void dialRecordModesOtherThanFromAnswerMono() {
        assertOneWarning(parse(response("<Dial record=\"record-from-ringing-dual\">+15551234567</Dial>")), "<Dial>",
                "record-from-ringing-dual", "from answer");
        assertOneWarning(parse(response("<Dial record=\"record-from-answer-dual\">+15551234567</Dial>")), "-dual");
        assertEquals(0, parse(response("<Dial record=\"record-from-answer\">+15551234567</Dial>")).warnings().size());
    }

    @Test
    void conferenceTrim() {
        assertOneWarning(parse(response("<Dial><Conference record=\"record-from-start\" trim=\"trim-silence\">room</Conference></Dial>")),
                "<Conference>", "'trim'");
    }
}
