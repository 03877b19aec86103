package org.patchbay.core.twiml;

import static org.patchbay.core.twiml.TwimlErrors.excerpt;
import static org.patchbay.core.twiml.TwimlErrors.schemaViolation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code <Connect>} with its one {@code <Stream>}; the other nouns Twilio has there are not supported yet. */
final class ConnectReader {
    private static final Keywords TRACKS = Keywords.of("inbound_track", "outbound_track", "both_tracks");
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
            stream[0] = cursor.read(ConnectReader::stream);
        });
        if (!text.isEmpty()) {
            throw schemaViolation("<Connect> may contain only <Stream>; found text '" + excerpt(text) + "'");
        }
        if (stream[0] == null) {
            throw schemaViolation("<Connect> needs a <Stream>");
        }
        return new Connect(action, method, stream[0]);
    }

    private static Stream stream(XmlCursor cursor, Attributes attributes) throws TwimlException {
        String url = attributes.text("url");
        String name = attributes.text("name");
        String track = attributes.keyword("track", "inbound_track", TRACKS);
        String statusCallback = attributes.url("statusCallback");
        String statusCallbackMethod = attributes.method("statusCallbackMethod");
        Map<String, String> parameters = new LinkedHashMap<>();
        cursor.readContent("Stream", child -> {
            if (!child.equals("Parameter")) {
                throw schemaViolation("<Stream> may contain only <Parameter>; found <" + child + ">");
            }
            Map.Entry<String, String> parameter = cursor.read(ClientReader::parameter);
            parameters.put(parameter.getKey(), parameter.getValue());
        });
        checkWebSocketUrl(url);
        if (statusCallback != null) {
            NotApplied.warn(cursor, "Stream", "statusCallback", statusCallback,
                    "stream status callbacks are not sent yet");
        }
        if (!"inbound_track".equals(track)) {
            NotApplied.warn(cursor, "Stream", "track", track,
                    "a bidirectional <Connect><Stream> carries the inbound track only, as on Twilio");
        }
        return new Stream(url, name, "inbound_track", statusCallback, statusCallbackMethod,
                Collections.unmodifiableMap(parameters));
    }

    /** Twilio takes only absolute ws(s) URLs here; relative ones would resolve against an http(s) document. */
    static void checkWebSocketUrl(String url) throws TwimlException {
        if (url == null || url.isEmpty()) {
            throw schemaViolation("<Stream> needs a url attribute (a wss:// or ws:// URL)");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("wss") || scheme.equals("ws")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException invalid) {
            // Reported below with the same message as any other unusable URL.
        }
        throw schemaViolation("<Stream> url must be an absolute wss:// or ws:// URL, got '" + excerpt(url) + "'");
    }
}
