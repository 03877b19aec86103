package org.patchbay.core.twiml;

/**
 * {@code <Connect>}: the call is handed to what it holds until that ends; then the action URL, if any, is
 * requested, or the document goes on. Patchbay supports the {@code <Stream>} noun (a bidirectional Media Stream).
 */
public record Connect(String action, String method, Stream stream) implements Verb {
}
