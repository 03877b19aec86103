package org.patchbay.adapters.tts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;

/**
 * Turns TwiML's {@code voice} and {@code language} into an espeak-ng voice name such as
 * {@code fr-fr+f3}. Best effort: whatever is not understood falls back to American English in
 * espeak-ng's default variant, logged at debug level, rather than failing the call.
 */
final class VoiceMap {

    static final String DEFAULT_VOICE = "en-us";

    private static final Logger log = LoggerFactory.getLogger(VoiceMap.class);
    /** Twilio's own legacy voice, a woman's; a variant apart from "woman" so the two differ. */
    private static final String ALICE = "+f2";

    private VoiceMap() {
    }

    /**
     * An explicit {@code language} wins; without one, a named voice (Polly.Celine) brings its own
     * language, as it does on Twilio.
     */
    static String resolve(String voice, String language) {
        Persona persona = persona(voice);
        String tag = isBlank(language) ? persona.language() : language;
        return base(tag) + persona.variant();
    }

    private static Persona persona(String voice) {
        if (isBlank(voice)) {
            return Persona.DEFAULT;
        }
        String lower = voice.strip().toLowerCase(Locale.ROOT);
        Optional<Persona> persona = switch (lower) {
            case "man" -> Optional.of(Persona.male(null));
            case "woman" -> Optional.of(Persona.female(null));
            case "alice" -> Optional.of(new Persona(ALICE, null));
            default -> named(voice.strip(), lower);
        };
        if (persona.isEmpty()) {
            log.debug("No espeak-ng variant for voice '{}'; using the default voice", voice);
        }
        return persona.orElse(Persona.DEFAULT);
    }

    private static Optional<Persona> named(String voice, String lower) {
        if (lower.startsWith("polly.")) {
            return NamedVoices.polly(voice.substring("polly.".length()));
        }
        if (lower.startsWith("google.")) {
            return NamedVoices.google(voice.substring("google.".length()));
        }
        return Optional.empty();
    }

    private static String base(String language) {
        if (isBlank(language)) {
            return DEFAULT_VOICE;
        }
        Optional<String> espeak = Languages.espeakVoice(language);
        if (espeak.isEmpty()) {
            log.debug("No espeak-ng voice for language '{}'; using {}", language, DEFAULT_VOICE);
        }
        return espeak.orElse(DEFAULT_VOICE);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
