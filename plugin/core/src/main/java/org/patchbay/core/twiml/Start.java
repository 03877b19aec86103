package org.patchbay.core.twiml;

/**
 * {@code <Start>} with its {@code <Stream>}: a one-way fork of the call's audio to a WebSocket application (a
 * unidirectional Media Stream). The document goes on at once; the fork runs until the call ends or a
 * {@code <Stop><Stream>} (or the REST API) stops it.
 */
public record Start(Stream stream) implements Verb {
}
