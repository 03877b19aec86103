package org.patchbay.core.twiml;

import static org.patchbay.core.twiml.TwimlErrors.excerpt;
import static org.patchbay.core.twiml.TwimlErrors.schemaViolation;

import java.util.Set;

/** {@code <Connect>} with its one {@code <Stream>}; the other nouns Twilio has there are not supported yet. */
final class ConnectReader {
    private static final Set<String> OTHER_NOUNS = Set.of("Room", "Conversation", "VirtualAgent", "Autopilot",
            "ConversationRelay", "AiSession", "Assistant");

    private ConnectReader() {
    }

    static Connect read(XmlCursor cursor, Attributes attributes) throws TwimlException {
        String action = attributes.url("action");
        String method = attributes.method("method");
        Stream[] stream = new Stream[1];
        String text = cursor.readContent("Connect", name -> {
            if (!name.equals("Stream")) {
                throw schemaViolation(OTHER_NOUNS.contains(name)
                        ? "<Connect><" + name + "> is not supported by Patchbay yet; only <Stream> is"
                        : "<Connect> may contain only <Stream>; found <" + name + ">");
            }
            if (stream[0] != null) {
                throw schemaViolation("<Connect> may contain only one <Stream>");
            }
            stream[0] = cursor.read(StreamReader::bidirectional);
        });
        if (!text.isEmpty()) {
            throw schemaViolation("<Connect> may contain only <Stream>; found text '" + excerpt(text) + "'");
        }
        if (stream[0] == null) {
            throw schemaViolation("<Connect> needs a <Stream>");
        }
        return new Connect(action, method, stream[0]);
    }
}
