package org.patchbay.server.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.server.api.auth.AccessControl;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.BodyReader;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.EndpointMatcher;
import org.patchbay.server.api.http.ErrorReplies;
import org.patchbay.server.api.http.Reply;
import org.patchbay.server.api.http.RequestParams;
import org.patchbay.server.api.limits.ApiConcurrency;

import java.util.stream.Collectors;

/**
 * Runs every request under {@code /2010-04-01/} and {@code /v1/} through the same steps: find the endpoint
 * (404, 405), admit the caller (401, 403, 404; the body is drained first, so 413 still wins), take a
 * concurrency slot (429, before the body is read), read the body (413), decode the parameters (400, 415),
 * run the handler, write its reply and give the slot back. It works on the raw request path and answers every failure itself,
 * so no request of the API reaches Vert.x's path decoding or default error pages.
 */
final class ApiDispatcher implements Handler<RoutingContext> {
    private final EndpointMatcher matcher;
    private final AccessControl access;
    private final ApiConcurrency concurrency;

    ApiDispatcher(EndpointMatcher matcher, AccessControl access, ApiConcurrency concurrency) {
        this.matcher = matcher;
        this.access = access;
        this.concurrency = concurrency;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!ApiRoutes.serves(request.path())) {
            ctx.next();
            return;
        }
        try {
            dispatch(request);
        } catch (RuntimeException e) {
            ErrorReplies.send(request, e);
        }
    }

    private void dispatch(HttpServerRequest request) {
        String path = request.path();
        EndpointMatcher.Match match = matcher.match(request.method(), path);
        if (!match.found()) {
            if (!match.allowed().isEmpty()) {
                request.response().putHeader("Allow",
                        match.allowed().stream().map(Object::toString).collect(Collectors.joining(", ")));
            }
            PatchbayException error = match.allowed().isEmpty()
                    ? PatchbayException.notFound(path)
                    : ErrorReplies.methodNotAllowed(request.method().name());
            BodyReader.read(request, ApiRoutes.BODY_LIMIT).onComplete(ignored -> ErrorReplies.send(request, error));
            return;
        }
        Endpoint endpoint = match.endpoint();
        String accountSid = endpoint.accountParam() == null ? null : match.params().get(endpoint.accountParam());
        // The body stays unread until the caller is admitted and holds a concurrency slot.
        request.pause();
        access.admit(endpoint, accountSid, request.getHeader("Authorization"), path)
                .recover(denied -> BodyReader.read(request, ApiRoutes.BODY_LIMIT)
                        .transform(read -> Future.failedFuture(read.failed() ? read.cause() : denied)))
                .compose(admitted -> concurrency.enter(request, endpoint, admitted.account())
                        .compose(slot -> BodyReader.read(request, ApiRoutes.BODY_LIMIT)
                                .compose(body -> endpoint.handler().handle(new ApiRequest(admitted.caller(), admitted.account(),
                                        path, match.params(), RequestParams.of(request, body))))
                                .transform(done -> answer(request, done.succeeded() ? done.result() : null, done.cause())
                                        .onComplete(answered -> slot.release()))))
                .onFailure(failure -> ErrorReplies.send(request, failure));
    }

    private static Future<Void> answer(HttpServerRequest request, Reply reply, Throwable failure) {
        if (failure != null) {
            return ErrorReplies.send(request, failure).recover(notSent -> Future.succeededFuture());
        }
        write(request.response(), reply);
        return Future.succeededFuture();
    }

    private static void write(HttpServerResponse response, Reply reply) {
        if (response.closed() || response.ended()) {
            return;
        }
        response.setStatusCode(reply.status());
        if (reply.contentType() != null) {
            response.putHeader("Content-Type", reply.contentType());
        }
        response.end(reply.body());
    }
}
