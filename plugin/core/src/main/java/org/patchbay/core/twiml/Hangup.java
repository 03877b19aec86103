package org.patchbay.core.twiml;

public record Hangup() implements Verb {
}
