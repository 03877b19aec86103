package org.patchbay.core.twiml;

/**
 * Bounds that keep one hostile or broken document from costing more than a normal one.
 * Documents arrive from customers' servers on every instruction fetch, so every size is capped
 * before or while it is read, never after.
 */
final class TwimlLimits {

    /** Twilio's own ceiling for a TwiML response is 64 KB. */
    static final int MAX_DOCUMENT_CHARS = 64 * 1024;

    /** {@code Response > Gather > Say} plus a few levels of SSML; nothing legitimate goes deeper. */
    static final int MAX_DEPTH = 8;

    static final int MAX_VERBS = 250;

    static final int MAX_ATTRIBUTE_CHARS = 4096;

    /** Twilio limits {@code <Say>} to 4,096 characters; no other element needs more. */
    static final int MAX_TEXT_CHARS = 4096;

    /** Twilio stops a {@code loop="0"} after 1000 rounds, so no loop count means more than that. */
    static final int MAX_LOOP = 1000;

    /** Twilio's default longest call (4 hours); a pause or silence timeout longer than a call is a mistake. */
    static final int MAX_CALL_SECONDS = 14_400;

    /** Twilio's longest configurable call (24 hours). */
    static final int MAX_CONFIGURABLE_CALL_SECONDS = 86_400;

    private TwimlLimits() {
    }
}
