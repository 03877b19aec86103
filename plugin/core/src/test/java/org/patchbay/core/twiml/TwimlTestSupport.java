package org.patchbay.core.twiml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.twiml.VoiceResponse;
import java.util.List;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.twiml.TwimlDocument.TwimlWarning;

/** One shared parser, as production uses it, and the few assertions every parser test needs. */
final class TwimlTestSupport {
    static final TwimlParser PARSER = new TwimlParser();

    private TwimlTestSupport() {
    }

    static String response(String verbs) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + verbs + "</Response>";
    }

    static TwimlDocument parse(String xml) {
        try {
            return PARSER.parse(xml);
        } catch (TwimlException e) {
            throw new AssertionError("Expected the document to parse, got " + e.errorCode().code() + ": "
                    + e.getMessage() + "\n" + xml, e);
        }
    }

    static TwimlDocument parse(VoiceResponse response) {
        return parse(response.toXml());
    }

    /** The single verb of a document that must parse without warnings. */
    static Verb onlyVerb(String xml) {
        TwimlDocument document = parse(xml);
        assertEquals(List.of(), document.warnings(), "warnings");
        assertEquals(1, document.verbs().size(), "verbs in " + xml);
        return document.verbs().get(0);
    }

    static Verb onlyVerb(VoiceResponse response) {
        return onlyVerb(response.toXml());
    }

    /** Asserts the document is refused with {@code code} (and no other exception) and a message naming every fragment. */
    static TwimlException assertRejected(String xml, ErrorCode code, String... fragments) {
        TwimlException refused = assertThrows(TwimlException.class, () -> PARSER.parse(xml), xml);
        assertEquals(code, refused.errorCode(), refused.getMessage());
        for (String fragment : fragments) {
            assertTrue(refused.getMessage().contains(fragment),
                    "message should mention '" + fragment + "': " + refused.getMessage());
        }
        return refused;
    }

    static void assertSchemaViolation(String xml, String... fragments) {
        assertRejected(xml, ErrorCode.SCHEMA_VALIDATION_WARNING, fragments);
    }

    static void assertParseFailure(String xml, String... fragments) {
        assertRejected(xml, ErrorCode.DOCUMENT_PARSE_FAILURE, fragments);
    }

    /** Asserts exactly one 12200 warning was recorded and that it mentions every fragment. */
    static void assertOneWarning(TwimlDocument document, String... fragments) {
        assertEquals(1, document.warnings().size(), "warnings: " + document.warnings());
        TwimlWarning warning = document.warnings().get(0);
        assertEquals(12200, warning.code());
        for (String fragment : fragments) {
            assertTrue(warning.message().contains(fragment),
                    "warning should mention '" + fragment + "': " + warning.message());
        }
    }
}
