package org.patchbay.core.twiml;

import static org.patchbay.core.twiml.TwimlErrors.excerpt;
import static org.patchbay.core.twiml.TwimlErrors.parseFailure;
import static org.patchbay.core.twiml.TwimlErrors.schemaViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.patchbay.core.twiml.TwimlDocument.TwimlWarning;

/**
 * A forward-only walk over one document. Every event passes through {@link #advance()}, which is
 * where DTDs and entity references are refused and element depth is bounded, so no reader can
 * forget to. Readers of elements consume exactly their element, start tag to end tag.
 */
final class XmlCursor {
    /** What Twilio lets {@code <Say>} carry besides text; the tags are dropped, their text is spoken. */
    private static final Set<String> SSML_TAGS = Set.of("break", "emphasis", "lang", "p", "phoneme", "prosody",
            "s", "say-as", "sub", "w", "amazon:effect", "amazon:domain");

    private final XMLStreamReader xml;
    private final List<TwimlWarning> warnings = new ArrayList<>();
    private int depth;

    XmlCursor(XMLStreamReader xml) {
        this.xml = xml;
    }

    /** Reads one child element, from its start tag, where the cursor is, through its end tag. */
    @FunctionalInterface
    interface ChildReader {
        void read(String name) throws TwimlException;
    }

    List<TwimlWarning> warnings() {
        return warnings;
    }

    void warn(String message) {
        warnings.add(TwimlErrors.warning(message));
    }

    /** Moves onto the root element's start tag and returns its name. */
    String enterRoot() throws TwimlException {
        while (true) {
            int event = advance();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return xml.getLocalName();
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw parseFailure("The document has no root element; TwiML needs <Response>");
            }
        }
    }

    /**
     * Reads on to the end after {@code </Response>}: only comments, processing instructions and
     * whitespace may follow, and the XML parser reports anything else only when it gets there.
     */
    void finishDocument() throws TwimlException {
        int event;
        do {
            event = advance();
        } while (event != XMLStreamConstants.END_DOCUMENT);
    }

    /** Reads the element the cursor is on with {@code reader}, then warns about attributes it ignored. */
    <T> T read(ElementReader<T> reader) throws TwimlException {
        Attributes attributes = Attributes.of(xml, xml.getLocalName());
        T result = reader.read(this, attributes);
        attributes.warnAboutUnread(this);
        return result;
    }

    /** Reads the current element's content: each child goes to {@code children}; the text is returned trimmed. */
    String readContent(String element, ChildReader children) throws TwimlException {
        StringBuilder text = new StringBuilder();
        while (true) {
            switch (advance()) {
                case XMLStreamConstants.START_ELEMENT -> children.read(xml.getLocalName());
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                case XMLStreamConstants.END_ELEMENT -> {
                    return limited(element, text.toString().strip());
                }
                default -> {
                    // Comments and processing instructions carry nothing for a call.
                }
            }
        }
    }

    /** Reads an element that holds only text, such as a URL, a number or a name. */
    String readText(String element) throws TwimlException {
        return readContent(element, child -> {
            throw schemaViolation("<" + element + "> may contain only text; found <" + child + ">");
        });
    }

    /** Reads an element that holds nothing at all, such as {@code <Hangup/>}. */
    void readNothing(String element) throws TwimlException {
        String text = readText(element);
        if (!text.isEmpty()) {
            throw schemaViolation("<" + element + "> takes no content; found text '" + excerpt(text) + "'");
        }
    }

    /**
     * Reads {@code <Say>} text, which may be marked up with SSML. The tags are dropped and their text
     * kept; each tag boundary counts as a space and whitespace runs collapse, so that
     * {@code <s>One</s><s>Two</s>} is spoken as "One Two", not "OneTwo".
     */
    String readSpeech(String element) throws TwimlException {
        StringBuilder text = new StringBuilder();
        int own = depth;
        while (true) {
            switch (advance()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    requireSsml(element, xml.getLocalName());
                    text.append(' ');
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth < own) {
                        return limited(element, collapseWhitespace(text));
                    }
                    text.append(' ');
                }
                default -> {
                    // Comments and processing instructions carry nothing for a call.
                }
            }
        }
    }

    /** Turns a parser error into 12100 with the place it happened, never the parser's own stack. */
    static TwimlException notWellFormed(XMLStreamException e) {
        Location where = e.getLocation();
        String message = e.getMessage() == null ? "" : e.getMessage();
        int detail = message.indexOf("Message: ");
        String reason = detail >= 0 ? message.substring(detail + "Message: ".length()) : message;
        String place = where == null ? "" : " at line " + where.getLineNumber() + ", column " + where.getColumnNumber();
        return parseFailure("The document is not well-formed XML" + place + ": " + reason.strip());
    }

    private int advance() throws TwimlException {
        int event;
        try {
            event = xml.next();
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> enter();
            case XMLStreamConstants.END_ELEMENT -> depth--;
            case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_DECLARATION,
                    XMLStreamConstants.NOTATION_DECLARATION ->
                    throw parseFailure("TwiML documents may not contain a DTD (<!DOCTYPE>)");
            case XMLStreamConstants.ENTITY_REFERENCE -> throw parseFailure("The document refers to the entity '&"
                    + xml.getLocalName() + ";'; only the five predefined XML entities and character references are allowed");
            default -> {
                // Text, comments, processing instructions and the document's ends need no checks here.
            }
        }
        return event;
    }

    private void enter() throws TwimlException {
        depth++;
        if (depth > TwimlLimits.MAX_DEPTH) {
            throw parseFailure("Elements are nested more than " + TwimlLimits.MAX_DEPTH + " deep (at <"
                    + xml.getLocalName() + ">)");
        }
    }

    private static void requireSsml(String element, String tag) throws TwimlException {
        if (!SSML_TAGS.contains(tag)) {
            throw schemaViolation("<" + element + "> may contain only text and SSML; <" + tag
                    + "> is not an SSML tag Patchbay accepts");
        }
    }

    private static String limited(String element, String text) throws TwimlException {
        if (text.length() > TwimlLimits.MAX_TEXT_CHARS) {
            throw schemaViolation("<" + element + "> text is " + text.length() + " characters long; the limit is "
                    + TwimlLimits.MAX_TEXT_CHARS);
        }
        return text;
    }

    private static String collapseWhitespace(CharSequence text) {
        StringBuilder collapsed = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = collapsed.length() > 0;
            } else {
                if (pendingSpace) {
                    collapsed.append(' ');
                    pendingSpace = false;
                }
                collapsed.append(c);
            }
        }
        return collapsed.toString();
    }
}
