package org.patchbay.core.twiml;

/** @param loop how many times to say it; 0 repeats until interrupted (Twilio caps this at 1000) */
public record Say(String text, String voice, String language, int loop) implements Verb, Prompt {
}
