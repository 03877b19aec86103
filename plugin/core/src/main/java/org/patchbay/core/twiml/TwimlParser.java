package org.patchbay.core.twiml;

import static java.util.Map.entry;
import static org.patchbay.core.twiml.TwimlErrors.excerpt;
import static org.patchbay.core.twiml.TwimlErrors.parseFailure;
import static org.patchbay.core.twiml.TwimlErrors.schemaViolation;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Turns a TwiML voice document into an immutable {@link TwimlDocument}, or refuses it with a
 * {@link TwimlException}: 12100 when it is not TwiML at all, 12200 when it breaks the schema.
 * Nothing else ever escapes {@link #parse}, whatever the input.
 *
 * <p>The text comes from customers' servers, so the parser is built to be handed hostile input:
 * no DTD is ever processed (so no external or expanding entity can be), and size, depth, verb
 * count, attribute and text length are bounded while reading. One instance is safe to share
 * between threads; it holds nothing but the configured StAX factory.
 */
public final class TwimlParser {
    private static final Map<String, ElementReader<? extends Verb>> VERBS = Map.ofEntries(
            entry("Say", PromptReaders::say),
            entry("Play", PromptReaders::play),
            entry("Pause", PromptReaders::pause),
            entry("Gather", GatherReader::read),
            entry("Record", RecordReader::read),
            entry("Dial", DialReader::read),
            entry("Enqueue", ControlReaders::enqueue),
            entry("Leave", ControlReaders::leave),
            entry("Hangup", ControlReaders::hangup),
            entry("Redirect", ControlReaders::redirect),
            entry("Reject", ControlReaders::reject),
            entry("Connect", ConnectReader::read),
            entry("Start", ForkReaders::start),
            entry("Stop", ForkReaders::stop));

    /** Real Twilio verbs, so a document using them deserves a clearer answer than "unknown". */
    private static final Set<String> NOT_YET_SUPPORTED = Set.of("Refer", "Sms",
            "Message", "Echo", "Autopilot", "Pay", "Prompt", "Siprec");

    /** Where each noun belongs, as the refusal names it. */
    private static final Map<String, String> NOUN_PARENTS = Map.of("Number", "<Dial>", "Client", "<Dial>", "Sip", "<Dial>",
            "Conference", "<Dial>", "Queue", "<Dial>", "Identity", "<Client>", "Parameter", "<Client> or <Stream>",
            "Stream", "<Connect>, <Start> or <Stop>");

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final XMLInputFactory factory;

    public TwimlParser() {
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // SSML tags such as amazon:effect arrive without a namespace declaration; Twilio accepts them.
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    }

    public TwimlDocument parse(String xml) throws TwimlException {
        String text = checkedSize(xml);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new StringReader(text));
            return readDocument(new XmlCursor(reader));
        } catch (XMLStreamException e) {
            throw XmlCursor.notWellFormed(e);
        } catch (RuntimeException e) {
            throw parseFailure("The document could not be parsed: " + excerpt(String.valueOf(e.getMessage())));
        } finally {
            close(reader);
        }
    }

    private static String checkedSize(String xml) throws TwimlException {
        if (xml == null || xml.isBlank()) {
            throw parseFailure("The document is empty");
        }
        if (xml.length() > TwimlLimits.MAX_DOCUMENT_CHARS) {
            throw parseFailure("The document is " + xml.length() + " characters long; the limit is "
                    + TwimlLimits.MAX_DOCUMENT_CHARS);
        }
        // A byte order mark that survived decoding is not content, but the XML parser would call it so.
        return xml.charAt(0) == BYTE_ORDER_MARK ? xml.substring(1) : xml;
    }

    private static TwimlDocument readDocument(XmlCursor cursor) throws TwimlException {
        String root = cursor.enterRoot();
        if (!root.equals("Response")) {
            throw parseFailure("The root element must be <Response>, found <" + root + ">");
        }
        List<Verb> verbs = cursor.read((response, ignored) -> readVerbs(response));
        cursor.finishDocument();
        return new TwimlDocument(verbs, cursor.warnings());
    }

    private static List<Verb> readVerbs(XmlCursor cursor) throws TwimlException {
        List<Verb> verbs = new ArrayList<>();
        String text = cursor.readContent("Response", name -> {
            if (verbs.size() == TwimlLimits.MAX_VERBS) {
                throw schemaViolation("<Response> holds more than " + TwimlLimits.MAX_VERBS + " verbs");
            }
            verbs.add(readVerb(cursor, name));
        });
        if (!text.isEmpty()) {
            throw schemaViolation("<Response> may contain only verbs; found text '" + excerpt(text) + "'");
        }
        return verbs;
    }

    private static Verb readVerb(XmlCursor cursor, String name) throws TwimlException {
        ElementReader<? extends Verb> reader = VERBS.get(name);
        if (reader != null) {
            return cursor.read(reader);
        }
        if (NOT_YET_SUPPORTED.contains(name)) {
            throw schemaViolation("<" + name + "> is a TwiML verb that Patchbay does not support yet");
        }
        String parent = NOUN_PARENTS.get(name);
        if (parent != null) {
            throw schemaViolation("<" + name + "> is not a verb; it belongs inside " + parent);
        }
        throw schemaViolation("<" + name + "> is not a TwiML voice verb");
    }

    private static void close(XMLStreamReader reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.close();
        } catch (XMLStreamException | RuntimeException e) {
            // Closing a reader over a string frees nothing that matters; the parse outcome stands.
        }
    }
}
