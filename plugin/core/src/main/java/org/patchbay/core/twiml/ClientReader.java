package org.patchbay.core.twiml;

import static org.patchbay.core.twiml.TwimlErrors.schemaViolation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <Client>}: the identity to ring, written either as the text ({@code <Client>alice</Client>}) or
 * as {@code <Identity>}, plus any {@code <Parameter name value>} handed to the client application.
 */
final class ClientReader {
    private String identity;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private ClientReader() {
    }

    static DialClient read(XmlCursor cursor, Attributes attributes) throws TwimlException {
        String url = attributes.url("url");
        String method = attributes.method("method");
        String statusCallback = attributes.url("statusCallback");
        String statusCallbackMethod = attributes.method("statusCallbackMethod");
        List<String> events = attributes.keywordList("statusCallbackEvent", DialNounReaders.DEFAULT_CALL_EVENTS,
                DialNounReaders.CALL_EVENTS);
        ClientReader content = new ClientReader();
        String text = cursor.readContent("Client", name -> content.child(cursor, name));
        return new DialClient(content.identity(text), url, method, statusCallback, statusCallbackMethod, events,
                Collections.unmodifiableMap(content.parameters));
    }

    private void child(XmlCursor cursor, String name) throws TwimlException {
        switch (name) {
            case "Identity" -> {
                if (identity != null) {
                    throw schemaViolation("<Client> may contain only one <Identity>");
                }
                identity = DialNounReaders.required("Identity", "the client's identity",
                        cursor.read((nested, ignored) -> nested.readText("Identity")));
            }
            case "Parameter" -> {
                Map.Entry<String, String> parameter = cursor.read(ClientReader::parameter);
                parameters.put(parameter.getKey(), parameter.getValue());
            }
            default -> throw schemaViolation("<Client> may contain only its identity as text, <Identity> and"
                    + " <Parameter>; found <" + name + ">");
        }
    }

    /** A repeated name keeps its last value, as a form post would. */
    static Map.Entry<String, String> parameter(XmlCursor cursor, Attributes attributes) throws TwimlException {
        String name = attributes.text("name");
        String value = attributes.verbatim("value");
        cursor.readNothing("Parameter");
        if (name == null) {
            throw schemaViolation("<Parameter> needs a name attribute");
        }
        return Map.entry(name, value == null ? "" : value);
    }

    private String identity(String text) throws TwimlException {
        if (identity != null && !text.isEmpty()) {
            throw schemaViolation("<Client> takes its identity either as text or as <Identity>, not both");
        }
        return identity != null ? identity : DialNounReaders.required("Client", "an identity", text);
    }
}
