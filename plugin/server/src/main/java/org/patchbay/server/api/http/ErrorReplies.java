package org.patchbay.server.api.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every failure as Twilio's error body {@code {code, message, more_info, status}}. A
 * {@link PatchbayException} is the client's (or a port's) error and is answered as it says;
 * anything else is a bug in Patchbay: logged with its stack trace, answered with a generic 500.
 */
public final class ErrorReplies {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReplies.class);
    public static final String REALM = "Basic realm=\"Patchbay\"";

    private ErrorReplies() {
    }

    /** Answers {@code failure} on the request's response, unless an answer has already begun. */
    public static Future<Void> send(HttpServerRequest request, Throwable failure) {
        PatchbayException error = toApiError(failure, request);
        HttpServerResponse response = request.response();
        if (response.headWritten()) {
            response.reset();
            return Future.succeededFuture();
        }
        if (error.httpStatus() == 401) {
            response.putHeader("WWW-Authenticate", REALM);
        }
        JsonObject body = new JsonObject()
                .put("code", error.code())
                .put("message", error.getMessage())
                .put("more_info", error.errorCode().moreInfo())
                .put("status", error.httpStatus());
        return response.setStatusCode(error.httpStatus())
                .putHeader("Content-Type", Reply.JSON)
                .end(body.toBuffer());
    }

    static PatchbayException toApiError(Throwable failure, HttpServerRequest request) {
        if (failure instanceof PatchbayException known) {
            if (known.httpStatus() >= 500) {
                LOG.warn("{} {} failed: {} {}", request.method(), request.path(), known.code(), known.getMessage(), known.getCause());
            }
            return known;
        }
        LOG.error("{} {} failed with an internal error", request.method(), request.path(), failure);
        return new PatchbayException(500, ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error");
    }

    public static PatchbayException methodNotAllowed(String method) {
        return new PatchbayException(405, ErrorCode.METHOD_NOT_ALLOWED,
                "The requested resource does not support http method '" + method + "'");
    }
}
