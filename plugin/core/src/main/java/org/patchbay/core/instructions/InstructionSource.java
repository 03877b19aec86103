package org.patchbay.core.instructions;

import io.vertx.core.Future;

/** Fetches TwiML from the customer's application server. Fails with {@link InstructionFetchException}. */
public interface InstructionSource {
    Future<Instructions> fetch(InstructionRequest request);
}
