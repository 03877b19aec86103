package org.patchbay.adapters.tts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VoiceMapTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "en-US, en-us", "en-GB, en-gb-x-rp", "en-AU, en-gb", "en-IN, en-gb", "en_ca, en-us",
            "fr-FR, fr-fr", "fr-CA, fr-fr", "de-DE, de", "es-ES, es", "es-MX, es-419", "es-US, es-419",
            "it-IT, it", "pt-BR, pt-br", "pt-PT, pt", "nl-NL, nl", "ja-JP, ja", "ko-KR, ko", "zh-CN, cmn",
            "zh-HK, yue", "ru-RU, ru", "sv-SE, sv", "nb-NO, nb", "da-DK, da", "pl-PL, pl", "FR, fr-fr"})
    void mapsLanguagesToEspeakVoices(String language, String espeak) {
        assertEquals(espeak, VoiceMap.resolve(null, language));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"man, en-us+m3", "woman, en-us+f3", "alice, en-us+f2", "MAN, en-us+m3",
            "Polly.Joanna, en-us+f3", "Polly.Matthew-Neural, en-us+m3", "Polly.Amy-Generative, en-gb-x-rp+f3",
            "Polly.Céline, fr-fr+f3", "Polly.Celine, fr-fr+f3", "Polly.Hans, de+m3", "Polly.Mia, es-419+f3",
            "Google.fr-FR-Standard-A, fr-fr", "Google.en-US-Chirp3-HD-Aoede, en-us+f3",
            "Google.de-DE-Chirp3-HD-Charon, de+m3"})
    void mapsVoicesToVariantsAndTheirOwnLanguage(String voice, String espeak) {
        assertEquals(espeak, VoiceMap.resolve(voice, null));
    }

    @Test
    void anExplicitLanguageWinsOverTheNamedVoicesOwn() {
        assertEquals("it+f3", VoiceMap.resolve("Polly.Joanna", "it-IT"));
    }

    @Test
    void unknownVoicesAndLanguagesFallBackToDefaultEnglish() {
        assertEquals("en-us", VoiceMap.resolve(null, null));
        assertEquals("en-us", VoiceMap.resolve("  ", ""));
        assertEquals("en-us", VoiceMap.resolve("robot", "tlh-QO"));
        assertEquals("en-us", VoiceMap.resolve("Polly.Nobody", null));
        assertEquals("en-us", VoiceMap.resolve("Google.gibberish", null));
        assertEquals("en-us+f3", VoiceMap.resolve("woman", "xx-YY"));
    }
}
