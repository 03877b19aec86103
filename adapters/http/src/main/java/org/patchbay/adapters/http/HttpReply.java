package org.patchbay.adapters.http;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

import java.util.List;

/**
 * What a server answered to one request.
 *
 * @param contentType the Content-Type header, or null
 * @param location    the Location header, or null
 * @param body        the body, at most the exchange's limit
 * @param truncated   the body went past the limit and was abandoned: {@code body} is only its start
 * @param headers     all the response's headers
 */
record HttpReply(int status, String contentType, String location, Buffer body, boolean truncated, MultiMap headers) {

    /** The Set-Cookie header values, in order. */
    List<String> setCookies() {
        return headers.getAll("Set-Cookie");
    }

    /** The body decoded with the charset the Content-Type declares (UTF-8 by default). */
    String text() {
        return body.toString(ContentTypes.charset(contentType));
    }
}
