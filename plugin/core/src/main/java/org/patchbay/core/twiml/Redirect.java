package org.patchbay.core.twiml;

/** @param url possibly relative to the current document's URL */
public record Redirect(String url, String method) implements Verb {
}
