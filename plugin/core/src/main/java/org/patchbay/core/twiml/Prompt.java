package org.patchbay.core.twiml;

/** A verb that may be nested in {@code <Gather>}: something the caller hears while Patchbay listens for keys. */
public sealed interface Prompt permits Say, Play, Pause {
}
