package org.patchbay.adapters.tts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio's named cloud voices, {@code Polly.<Name>[-Neural|-Generative]} and
 * {@code Google.<lang>-<Model>-<Letter or Name>}: the gender and language each one stands for,
 * so espeak-ng can approximate it.
 */
final class NamedVoices {

    /** Amazon Polly voices Twilio offers, by lower-case name without accents. */
    private static final Map<String, Persona> POLLY = Map.ofEntries(
            Map.entry("joanna", Persona.female("en-US")), Map.entry("salli", Persona.female("en-US")),
            Map.entry("kimberly", Persona.female("en-US")), Map.entry("kendra", Persona.female("en-US")),
            Map.entry("ivy", Persona.female("en-US")), Map.entry("ruth", Persona.female("en-US")),
            Map.entry("danielle", Persona.female("en-US")), Map.entry("matthew", Persona.male("en-US")),
            Map.entry("joey", Persona.male("en-US")), Map.entry("justin", Persona.male("en-US")),
            Map.entry("kevin", Persona.male("en-US")), Map.entry("stephen", Persona.male("en-US")),
            Map.entry("gregory", Persona.male("en-US")), Map.entry("amy", Persona.female("en-GB")),
            Map.entry("emma", Persona.female("en-GB")), Map.entry("brian", Persona.male("en-GB")),
            Map.entry("arthur", Persona.male("en-GB")), Map.entry("geraint", Persona.male("en-GB")),
            Map.entry("nicole", Persona.female("en-AU")), Map.entry("olivia", Persona.female("en-AU")),
            Map.entry("russell", Persona.male("en-AU")), Map.entry("aditi", Persona.female("en-IN")),
            Map.entry("raveena", Persona.female("en-IN")), Map.entry("kajal", Persona.female("en-IN")),
            Map.entry("niamh", Persona.female("en-IE")), Map.entry("aria", Persona.female("en-NZ")),
            Map.entry("ayanda", Persona.female("en-ZA")), Map.entry("celine", Persona.female("fr-FR")),
            Map.entry("lea", Persona.female("fr-FR")), Map.entry("mathieu", Persona.male("fr-FR")),
            Map.entry("remi", Persona.male("fr-FR")), Map.entry("chantal", Persona.female("fr-CA")),
            Map.entry("gabrielle", Persona.female("fr-CA")), Map.entry("liam", Persona.male("fr-CA")),
            Map.entry("isabelle", Persona.female("fr-BE")), Map.entry("marlene", Persona.female("de-DE")),
            Map.entry("vicki", Persona.female("de-DE")), Map.entry("hans", Persona.male("de-DE")),
            Map.entry("daniel", Persona.male("de-DE")), Map.entry("hannah", Persona.female("de-AT")),
            Map.entry("conchita", Persona.female("es-ES")), Map.entry("lucia", Persona.female("es-ES")),
            Map.entry("enrique", Persona.male("es-ES")), Map.entry("sergio", Persona.male("es-ES")),
            Map.entry("mia", Persona.female("es-MX")), Map.entry("andres", Persona.male("es-MX")),
            Map.entry("lupe", Persona.female("es-US")), Map.entry("penelope", Persona.female("es-US")),
            Map.entry("miguel", Persona.male("es-US")), Map.entry("pedro", Persona.male("es-US")),
            Map.entry("carla", Persona.female("it-IT")), Map.entry("bianca", Persona.female("it-IT")),
            Map.entry("giorgio", Persona.male("it-IT")), Map.entry("adriano", Persona.male("it-IT")),
            Map.entry("camila", Persona.female("pt-BR")), Map.entry("vitoria", Persona.female("pt-BR")),
            Map.entry("ricardo", Persona.male("pt-BR")), Map.entry("thiago", Persona.male("pt-BR")),
            Map.entry("ines", Persona.female("pt-PT")), Map.entry("cristiano", Persona.male("pt-PT")),
            Map.entry("lotte", Persona.female("nl-NL")), Map.entry("laura", Persona.female("nl-NL")),
            Map.entry("ruben", Persona.male("nl-NL")), Map.entry("lisa", Persona.female("nl-BE")),
            Map.entry("mizuki", Persona.female("ja-JP")), Map.entry("kazuha", Persona.female("ja-JP")),
            Map.entry("tomoko", Persona.female("ja-JP")), Map.entry("takumi", Persona.male("ja-JP")),
            Map.entry("seoyeon", Persona.female("ko-KR")), Map.entry("zhiyu", Persona.female("cmn-CN")),
            Map.entry("hiujin", Persona.female("yue-CN")), Map.entry("tatyana", Persona.female("ru-RU")),
            Map.entry("maxim", Persona.male("ru-RU")), Map.entry("ewa", Persona.female("pl-PL")),
            Map.entry("maja", Persona.female("pl-PL")), Map.entry("jacek", Persona.male("pl-PL")),
            Map.entry("jan", Persona.male("pl-PL")), Map.entry("astrid", Persona.female("sv-SE")),
            Map.entry("elin", Persona.female("sv-SE")), Map.entry("naja", Persona.female("da-DK")),
            Map.entry("sofie", Persona.female("da-DK")), Map.entry("mads", Persona.male("da-DK")),
            Map.entry("liv", Persona.female("nb-NO")), Map.entry("ida", Persona.female("nb-NO")),
            Map.entry("suvi", Persona.female("fi-FI")), Map.entry("filiz", Persona.female("tr-TR")),
            Map.entry("carmen", Persona.female("ro-RO")), Map.entry("gwyneth", Persona.female("cy-GB")),
            Map.entry("dora", Persona.female("is-IS")), Map.entry("karl", Persona.male("is-IS")),
            Map.entry("zeina", Persona.female("arb")), Map.entry("hala", Persona.female("ar-AE")),
            Map.entry("zayd", Persona.male("ar-AE")));

    /**
     * Google's Chirp 3 HD voices carry a name whose gender is published; the older ones end in
     * a letter whose gender differs from language to language, so those keep espeak-ng's default.
     */
    private static final Map<String, String> GOOGLE_NAMED = Map.of(
            "aoede", Persona.FEMALE, "kore", Persona.FEMALE, "leda", Persona.FEMALE,
            "zephyr", Persona.FEMALE, "charon", Persona.MALE, "fenrir", Persona.MALE,
            "orus", Persona.MALE, "puck", Persona.MALE);

    /** {@code <ll>-<RR>-<model>-<name>}, e.g. {@code fr-FR-Wavenet-A} or {@code en-US-Chirp3-HD-Aoede}. */
    private static final Pattern GOOGLE = Pattern.compile("([a-z]{2,3}-[a-z0-9]{2,3})-.*?([a-z0-9]+)");

    private NamedVoices() {
    }

    /** A Polly voice by its name after {@code Polly.}, with or without an engine suffix. */
    static Optional<Persona> polly(String name) {
        String bare = plain(name).split("-", 2)[0];
        return Optional.ofNullable(POLLY.get(bare));
    }

    /** A Google voice by its name after {@code Google.}. */
    static Optional<Persona> google(String name) {
        Matcher matcher = GOOGLE.matcher(plain(name));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String variant = GOOGLE_NAMED.getOrDefault(matcher.group(2), "");
        return Optional.of(new Persona(variant, matcher.group(1)));
    }

    /** Lower case without accents, since Twilio's documentation spells Céline both ways. */
    private static String plain(String name) {
        String decomposed = Normalizer.normalize(name.strip(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
