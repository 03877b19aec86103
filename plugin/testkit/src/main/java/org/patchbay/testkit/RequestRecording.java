package org.patchbay.testkit;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns what the server received into a {@link RecordedRequest}. */
final class RequestRecording {
    private RequestRecording() {
    }

    static RecordedRequest of(HttpServerRequest request, Buffer body, Instant receivedAt) {
        String text = body == null ? "" : body.toString(StandardCharsets.UTF_8);
        String contentType = request.getHeader("Content-Type");
        boolean form = contentType != null
                && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded");
        Map<String, String> params = form ? decode(text) : decode(request.query());
        return new RecordedRequest(request.method().name(), request.path(), request.query(),
                headersOf(request), params, text, receivedAt);
    }

    private static Map<String, List<String>> headersOf(HttpServerRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().forEach(header ->
                headers.computeIfAbsent(header.getKey(), name -> new ArrayList<>()).add(header.getValue()));
        headers.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(headers);
    }

    /** Decodes {@code a=1&b=x+y}, keeping the order and the first value of a repeated name. */
    static Map<String, String> decode(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return Collections.unmodifiableMap(params);
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.putIfAbsent(decodeComponent(name), decodeComponent(value));
        }
        return Collections.unmodifiableMap(params);
    }

    private static String decodeComponent(String component) {
        try {
            return URLDecoder.decode(component, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // A broken escape is recorded as sent: the test will see exactly what the client did.
            return component;
        }
    }
}
