package org.patchbay.core.twiml;

import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.twiml.TwimlDocument.TwimlWarning;

/** The two ways a document fails, and the one way it is merely questionable, each with its Twilio code. */
final class TwimlErrors {
    private static final int MAX_QUOTED_CHARS = 80;

    private TwimlErrors() {
    }

    /** The text is not a TwiML document at all: bad XML, a DTD, a wrong root, over the parser's limits. */
    static TwimlException parseFailure(String message) {
        return new TwimlException(ErrorCode.DOCUMENT_PARSE_FAILURE, message);
    }

    /** Well-formed TwiML that breaks the schema: unknown verbs, bad nesting, bad attribute values. */
    static TwimlException schemaViolation(String message) {
        return new TwimlException(ErrorCode.SCHEMA_VALIDATION_WARNING, message);
    }

    /** A value short and printable enough to quote in a message that ends up in a customer's log. */
    static String excerpt(String value) {
        String shown = value.length() > MAX_QUOTED_CHARS ? value.substring(0, MAX_QUOTED_CHARS) + "…" : value;
        StringBuilder printable = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> printable.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return printable.toString();
    }

    /** Something Twilio would ignore too; the document still runs. */
    static TwimlWarning warning(String message) {
        return new TwimlWarning(ErrorCode.SCHEMA_VALIDATION_WARNING.code(), message);
    }
}
