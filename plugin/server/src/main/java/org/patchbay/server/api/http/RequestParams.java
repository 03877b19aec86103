package org.patchbay.server.api.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The parameters of a request as Twilio reads them: the form body of a POST, the query string of
 * anything else. A POST body must be {@code application/x-www-form-urlencoded} in UTF-8.
 */
public final class RequestParams {
    private static final String FORM = "application/x-www-form-urlencoded";

    private RequestParams() {
    }

    public static Params of(HttpServerRequest request, Buffer body) {
        if (request.method() == HttpMethod.POST) {
            if (body.length() == 0) {
                return Params.empty();
            }
            requireForm(request.getHeader("Content-Type"));
            return FormDecoder.decode(body.getBytes());
        }
        String query = request.query();
        // The HTTP codec hands over the request line byte for byte as ISO-8859-1 characters.
        return query == null ? Params.empty() : FormDecoder.decode(query.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void requireForm(String contentType) {
        if (contentType == null) {
            throw unsupported("a request body needs Content-Type " + FORM);
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals(FORM)) {
            throw unsupported("Content-Type must be " + FORM);
        }
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            if (pair[0].trim().equalsIgnoreCase("charset") && pair.length == 2
                    && !pair[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw unsupported("the form body must be UTF-8");
            }
        }
    }

    private static PatchbayException unsupported(String message) {
        return new PatchbayException(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type: " + message);
    }
}
