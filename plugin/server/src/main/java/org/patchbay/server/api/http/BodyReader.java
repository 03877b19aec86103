package org.patchbay.server.api.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;

/**
 * Reads a request body of at most {@code limit} bytes. Vert.x's BodyHandler is not used because it
 * decodes forms and query strings itself and throws on a malformed escape, outside any handler that
 * could answer. A body over the limit fails with 413 once it has been drained (up to
 * {@link #DRAIN_LIMIT}), so the client, still sending, reads the answer instead of a reset connection.
 */
public final class BodyReader {
    /** Beyond this a request is answered without reading further, and its connection is closed. */
    public static final long DRAIN_LIMIT = 1024 * 1024;

    private BodyReader() {
    }

    public static Future<Buffer> read(HttpServerRequest request, int limit) {
        if (request.isEnded()) {
            return Future.succeededFuture(Buffer.buffer());
        }
        long declared = declaredLength(request);
        if (declared > DRAIN_LIMIT) {
            return Future.failedFuture(abandon(request, limit));
        }
        if (declared <= limit && "100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            request.response().writeContinue();
        }
        Promise<Buffer> body = Promise.promise();
        Buffer received = Buffer.buffer();
        long[] total = {0};
        request.handler(chunk -> {
            total[0] += chunk.length();
            if (total[0] > DRAIN_LIMIT) {
                body.tryFail(abandon(request, limit));
            } else if (total[0] <= limit) {
                received.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(broken -> body.tryFail(
                PatchbayException.badRequest(ErrorCode.INVALID_PARAMETER, "The request body could not be read")));
        request.endHandler(v -> {
            if (total[0] > limit) {
                body.tryFail(tooLarge(limit));
            } else {
                body.tryComplete(received);
            }
        });
        request.resume();
        return body.future();
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Gives up on the rest of the body: the connection is closed once the answer has gone out. */
    private static PatchbayException abandon(HttpServerRequest request, int limit) {
        request.response().putHeader("Connection", "close").endHandler(v -> request.connection().close());
        return tooLarge(limit);
    }

    private static PatchbayException tooLarge(int limit) {
        return new PatchbayException(413, ErrorCode.REQUEST_TOO_LARGE, "The request body is larger than " + limit + " bytes");
    }
}
