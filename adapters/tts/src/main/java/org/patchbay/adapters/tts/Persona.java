package org.patchbay.adapters.tts;

/**
 * What a TwiML {@code voice} attribute tells espeak-ng: a voice variant (male or female) and,
 * for named cloud voices such as {@code Polly.Celine}, the language the voice speaks.
 *
 * @param variant  an espeak-ng variant suffix such as {@code +f3}, or "" for the voice's default
 * @param language a BCP 47 tag, or null when the voice implies none
 */
record Persona(String variant, String language) {

    static final String MALE = "+m3";
    static final String FEMALE = "+f3";

    static final Persona DEFAULT = new Persona("", null);

    static Persona male(String language) {
        return new Persona(MALE, language);
    }

    static Persona female(String language) {
        return new Persona(FEMALE, language);
    }
}
