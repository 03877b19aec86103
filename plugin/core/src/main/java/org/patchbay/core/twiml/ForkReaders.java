package org.patchbay.core.twiml;

import static org.patchbay.core.twiml.TwimlErrors.excerpt;
import static org.patchbay.core.twiml.TwimlErrors.schemaViolation;

import java.util.Set;

/** {@code <Start>} and {@code <Stop>}, each with one {@code <Stream>}; Twilio's other nouns there are not supported. */
final class ForkReaders {
    private static final Set<String> OTHER_NOUNS = Set.of("Siprec", "Transcription", "ConversationRelay");

    private ForkReaders() {
    }

    static Start start(XmlCursor cursor, Attributes attributes) throws TwimlException {
        Stream[] stream = new Stream[1];
        String text = cursor.readContent("Start", name -> {
            onlyOneStream("Start", name, stream[0] != null);
            stream[0] = cursor.read(StreamReader::fork);
        });
        requireStream("Start", text, stream[0] != null);
        return new Start(stream[0]);
    }

    /** The name, if any, picks the stream; the other attributes Twilio allows on it do not matter to a stop. */
    static Stop stop(XmlCursor cursor, Attributes attributes) throws TwimlException {
        String[] name = new String[1];
        boolean[] found = new boolean[1];
        String text = cursor.readContent("Stop", child -> {
            onlyOneStream("Stop", child, found[0]);
            found[0] = true;
            name[0] = cursor.read((stream, streamAttributes) -> {
                String streamName = streamAttributes.text("name");
                stream.readNothing("Stream");
                return streamName == null || streamName.isEmpty() ? null : streamName;
            });
        });
        requireStream("Stop", text, found[0]);
        return new Stop(name[0]);
    }

    private static void onlyOneStream(String verb, String child, boolean seen) throws TwimlException {
        if (!child.equals("Stream")) {
            throw schemaViolation(OTHER_NOUNS.contains(child)
                    ? "<" + verb + "><" + child + "> is not supported by Patchbay yet; only <Stream> is"
                    : "<" + verb + "> may contain only <Stream>; found <" + child + ">");
        }
        if (seen) {
            throw schemaViolation("<" + verb + "> may contain only one <Stream>");
        }
    }

    private static void requireStream(String verb, String text, boolean found) throws TwimlException {
        if (!text.isEmpty()) {
            throw schemaViolation("<" + verb + "> may contain only <Stream>; found text '" + excerpt(text) + "'");
        }
        if (!found) {
            throw schemaViolation("<" + verb + "> needs a <Stream>");
        }
    }
}
