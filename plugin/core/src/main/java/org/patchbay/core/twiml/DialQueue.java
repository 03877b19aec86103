package org.patchbay.core.twiml;

/** @param url a document played to the dequeued caller before the parties are connected */
public record DialQueue(String name, String url, String method) implements DialNoun {
}
