package org.patchbay.core.twiml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The closed set of words an attribute accepts. Matching ignores case, as Twilio does, and always
 * yields the documented spelling, so executors compare against one form only.
 */
final class Keywords {
    private final Map<String, String> byLowerCase;
    private final List<String> documented;

    private Keywords(Map<String, String> byLowerCase, List<String> documented) {
        this.byLowerCase = byLowerCase;
        this.documented = documented;
    }

    static Keywords of(String... documented) {
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        for (String word : documented) {
            byLowerCase.put(word.toLowerCase(Locale.ROOT), word);
        }
        return new Keywords(byLowerCase, List.of(documented));
    }

    /** Accepts a legacy spelling Twilio still honours without listing it among the allowed values. */
    Keywords withAlias(String alias, String documentedWord) {
        Map<String, String> extended = new LinkedHashMap<>(byLowerCase);
        extended.put(alias.toLowerCase(Locale.ROOT), documentedWord);
        return new Keywords(extended, documented);
    }

    /** The documented spelling of {@code word}, or null when it is not one of these keywords. */
    String match(String word) {
        return byLowerCase.get(word.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return documented.toString();
    }
}
