package org.patchbay.core.twiml;

public record Leave() implements Verb {
}
