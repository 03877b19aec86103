package org.patchbay.core.twiml;

/** @param reason {@code rejected} or {@code busy}; the call is never answered */
public record Reject(String reason) implements Verb {
}
