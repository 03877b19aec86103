package org.patchbay.adapters.http;

import io.vertx.core.buffer.Buffer;

/**
 * What a server answered to one request.
 *
 * @param contentType the Content-Type header, or null
 * @param location    the Location header, or null
 * @param body        the body, at most the exchange's limit
 * @param truncated   the body went past the limit and was abandoned: {@code body} is only its start
 */
record HttpReply(int status, String contentType, String location, Buffer body, boolean truncated) {

    /** The body decoded with the charset the Content-Type declares (UTF-8 by default). */
    String text() {
        return body.toString(ContentTypes.charset(contentType));
    }
}
