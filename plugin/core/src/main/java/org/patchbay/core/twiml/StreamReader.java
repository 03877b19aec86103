package org.patchbay.core.twiml;

import static org.patchbay.core.twiml.TwimlErrors.excerpt;
import static org.patchbay.core.twiml.TwimlErrors.schemaViolation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code <Stream>} noun, in {@code <Connect>} (bidirectional) or in {@code <Start>} (a one-way fork). */
final class StreamReader {
    private static final Keywords TRACKS = Keywords.of("inbound_track", "outbound_track", "both_tracks");

    private StreamReader() {
    }

    /** In {@code <Connect>}: Twilio carries only the inbound track there. */
    static Stream bidirectional(XmlCursor cursor, Attributes attributes) throws TwimlException {
        Stream stream = read(cursor, attributes);
        if (!"inbound_track".equals(stream.track())) {
            NotApplied.warn(cursor, "Stream", "track", stream.track(),
                    "a bidirectional <Connect><Stream> carries the inbound track only, as on Twilio");
        }
        return new Stream(stream.url(), stream.name(), "inbound_track", stream.statusCallback(),
                stream.statusCallbackMethod(), stream.parameters());
    }

    /** In {@code <Start>}: every attribute applies. */
    static Stream fork(XmlCursor cursor, Attributes attributes) throws TwimlException {
        return read(cursor, attributes);
    }

    private static Stream read(XmlCursor cursor, Attributes attributes) throws TwimlException {
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
        return new Stream(url, name, track, statusCallback, statusCallbackMethod,
                Collections.unmodifiableMap(parameters));
    }

    /** Twilio takes only absolute ws(s) URLs here; relative ones would resolve against an http(s) document. */
    static void checkWebSocketUrl(String url) throws TwimlException {
        if (url == null || url.isEmpty()) {
            throw schemaViolation("<Stream> needs a url attribute (a wss:// or ws:// URL)");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("wss") || scheme.equals("ws")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException invalid) {
            // Reported below with the same message as any other unusable URL.
        }
        throw schemaViolation("<Stream> url must be an absolute wss:// or ws:// URL, got '" + excerpt(url) + "'");
    }
}
