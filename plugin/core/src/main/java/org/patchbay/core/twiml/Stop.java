package org.patchbay.core.twiml;

/**
 * {@code <Stop><Stream>}: stops the stream named {@code streamName}, or, when the name is null, every stream
 * {@code <Start>} began on the call.
 */
public record Stop(String streamName) implements Verb {
}
