package org.patchbay.core.twiml;

public record Pause(int lengthSeconds) implements Verb, Prompt {
}
