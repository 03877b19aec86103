package org.patchbay.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link FakeAppServer} answers on a path: a status, an optional Content-Type (null sends
 * none, to test servers that forget it), a body (text, or the bytes of a binary one such as audio),
 * extra headers and a delay before answering.
 */
public record FakeResponse(int status, String contentType, String body, byte[] binary, Map<String, String> headers,
                           Duration delay) {

    public FakeResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (delay == null || delay.isNegative()) {
            delay = Duration.ZERO;
        }
    }

    /** 200 with a TwiML document as {@code text/xml}. */
    public static FakeResponse twiml(String twiml) {
        return of(200, "text/xml", twiml);
    }

    public static FakeResponse of(int status, String contentType, String body) {
        return new FakeResponse(status, contentType, body, null, Map.of(), Duration.ZERO);
    }

    /** 200 with a binary body (audio, for {@code <Play>} and audio responses). */
    public static FakeResponse bytes(String contentType, byte[] body) {
        return new FakeResponse(200, contentType, "", body.clone(), Map.of(), Duration.ZERO);
    }

    /** A bare status with an empty body and no Content-Type (204 for a webhook, 500 for a crash). */
    public static FakeResponse status(int status) {
        return of(status, null, "");
    }

    public static FakeResponse redirect(int status, String location) {
        return status(status).withHeader("Location", location);
    }

    public FakeResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new FakeResponse(status, contentType, body, binary, more, delay);
    }

    /** The same answer, sent only after {@code delay} (for timeout tests). */
    public FakeResponse delayed(Duration delay) {
        return new FakeResponse(status, contentType, body, binary, headers, delay);
    }
}
