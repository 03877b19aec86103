package org.patchbay.core.twiml;

/**
 * Plays a media URL (http(s) or an Asterisk sound reference) or, when {@code digits} is set, sends DTMF.
 *
 * @param url    null when this plays digits
 * @param digits DTMF to send, {@code w} meaning half a second of pause; null when this plays media
 * @param loop   0 repeats until interrupted
 */
public record Play(String url, String digits, int loop) implements Verb, Prompt {
}
