package org.patchbay.adapters.tts;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TwiML {@code language} tags (BCP 47, e.g. {@code en-GB}) to espeak-ng voices, as listed by
 * {@code espeak-ng --voices} for espeak-ng 1.51. A regional tag espeak-ng has no voice for
 * falls back to the closest one it has (en-AU → British English), then to its bare language.
 */
final class Languages {

    /** Regional tags, lower case, whose espeak-ng voice is not simply their language subtag. */
    private static final Map<String, String> REGIONAL = Map.ofEntries(
            Map.entry("en-us", "en-us"),
            Map.entry("en-ca", "en-us"),
            Map.entry("en-gb", "en-gb-x-rp"),
            Map.entry("en-au", "en-gb"),
            Map.entry("en-nz", "en-gb"),
            Map.entry("en-ie", "en-gb"),
            Map.entry("en-za", "en-gb"),
            Map.entry("en-in", "en-gb"),
            Map.entry("en-gb-wls", "en-gb"),
            Map.entry("fr-fr", "fr-fr"),
            Map.entry("fr-ca", "fr-fr"),
            Map.entry("fr-be", "fr-be"),
            Map.entry("fr-ch", "fr-ch"),
            Map.entry("es-es", "es"),
            Map.entry("es-mx", "es-419"),
            Map.entry("es-us", "es-419"),
            Map.entry("es-419", "es-419"),
            Map.entry("es-ar", "es-419"),
            Map.entry("es-co", "es-419"),
            Map.entry("es-cl", "es-419"),
            Map.entry("es-pe", "es-419"),
            Map.entry("pt-br", "pt-br"),
            Map.entry("pt-pt", "pt"),
            Map.entry("zh-cn", "cmn"),
            Map.entry("zh-tw", "cmn"),
            Map.entry("cmn-cn", "cmn"),
            Map.entry("zh-hk", "yue"),
            Map.entry("yue-cn", "yue"),
            Map.entry("yue-hk", "yue"),
            Map.entry("arb", "ar"),
            Map.entry("no-no", "nb"));

    /** Bare language subtags and the espeak-ng voice that speaks them. */
    private static final Map<String, String> RENAMED = Map.of(
            "en", "en-us",
            "fr", "fr-fr",
            "zh", "cmn",
            "no", "nb",
            "iw", "he",
            "in", "id");

    /** Language subtags that are espeak-ng voice names as they are. */
    private static final Set<String> AS_IS = Set.of(
            "af", "am", "an", "ar", "as", "az", "ba", "be", "bg", "bn", "bs", "ca", "cmn", "cs", "cv",
            "cy", "da", "de", "el", "eo", "es", "et", "eu", "fa", "fi", "ga", "gd", "gn", "gu", "he",
            "hi", "hr", "ht", "hu", "hy", "ia", "id", "is", "it", "ja", "ka", "kk", "kl", "kn", "ko",
            "ky", "la", "lb", "lt", "lv", "mi", "mk", "ml", "mr", "ms", "mt", "my", "nb", "ne", "nl",
            "or", "pa", "pl", "pt", "ro", "ru", "sd", "si", "sk", "sl", "sq", "sr", "sv", "sw", "ta",
            "te", "th", "tk", "tn", "tr", "tt", "ug", "uk", "ur", "uz", "vi", "yue");

    private Languages() {
    }

    /** The espeak-ng voice for a language tag, or empty when espeak-ng speaks no such language. */
    static Optional<String> espeakVoice(String tag) {
        String normal = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        String regional = REGIONAL.get(normal);
        if (regional != null) {
            return Optional.of(regional);
        }
        String language = normal.split("-", 2)[0];
        if (RENAMED.containsKey(language)) {
            return Optional.of(RENAMED.get(language));
        }
        return AS_IS.contains(language) ? Optional.of(language) : Optional.empty();
    }
}
