package org.patchbay.server.api.http;

import io.vertx.core.Future;

/**
 * One operation of the API. It answers with a {@link Reply} or fails, ideally with a
 * {@link org.patchbay.core.error.PatchbayException}; the dispatcher writes either, so no handler
 * can forget to answer or leak a stack trace.
 */
@FunctionalInterface
public interface ApiHandler {
    Future<Reply> handle(ApiRequest request);
}
