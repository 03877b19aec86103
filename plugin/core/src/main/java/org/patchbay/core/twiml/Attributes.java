package org.patchbay.core.twiml;

import static org.patchbay.core.twiml.TwimlErrors.excerpt;
import static org.patchbay.core.twiml.TwimlErrors.schemaViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamReader;

/**
 * The attributes of one element, read by name and type. Each reader validates the value, applies
 * Twilio's default when the attribute is absent, and names element, attribute and value when it
 * refuses one. Attributes nobody asked for are reported as warnings, since Twilio ignores them too.
 *
 * <p>An empty value means "not set" for URLs and free text, and is an error where a number, a
 * boolean or a keyword is expected.
 */
final class Attributes {
    private static final Keywords METHODS = Keywords.of("GET", "POST");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[\\s,]+");
    private static final int MAX_DIGITS_IN_INT = 9;

    private final String element;
    private final String[] names;
    private final String[] values;
    private final boolean[] read;

    private Attributes(String element, String[] names, String[] values) {
        this.element = element;
        this.names = names;
        this.values = values;
        this.read = new boolean[names.length];
    }

    static Attributes of(XMLStreamReader xml, String element) throws TwimlException {
        int count = xml.getAttributeCount();
        String[] names = new String[count];
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = xml.getAttributeLocalName(i);
            values[i] = xml.getAttributeValue(i);
            if (values[i].length() > TwimlLimits.MAX_ATTRIBUTE_CHARS) {
                throw schemaViolation("<" + element + "> attribute '" + names[i] + "' is longer than "
                        + TwimlLimits.MAX_ATTRIBUTE_CHARS + " characters");
            }
        }
        return new Attributes(element, names, values);
    }

    /** The value exactly as written (entities resolved), or null when absent. */
    String verbatim(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                read[i] = true;
                return values[i];
            }
        }
        return null;
    }

    /** Trimmed free text, or null when absent or blank. */
    String text(String name) {
        String value = verbatim(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }

    String url(String name) throws TwimlException {
        String value = text(name);
        if (value != null && !TwimlUrlRules.isHttpOrRelative(value)) {
            throw invalid(name, value, "must be an http(s) URL or a relative URL");
        }
        return value;
    }

    /** Like {@link #url} but keeps an empty value as "", for attributes where empty has a meaning of its own. */
    String urlOrEmpty(String name) throws TwimlException {
        String value = verbatim(name);
        return value != null && value.isBlank() ? "" : url(name);
    }

    /** An HTTP method for a callback; Twilio accepts GET and POST only and defaults to POST. */
    String method(String name) throws TwimlException {
        return keyword(name, "POST", METHODS);
    }

    String keyword(String name, String fallback, Keywords allowed) throws TwimlException {
        String value = verbatim(name);
        if (value == null) {
            return fallback;
        }
        String word = allowed.match(value.strip());
        if (word == null) {
            throw invalid(name, value, "must be one of " + allowed);
        }
        return word;
    }

    /** A space- (or comma-) separated list of keywords, in order, without repeats; blank means the fallback. */
    List<String> keywordList(String name, List<String> fallback, Keywords allowed) throws TwimlException {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        List<String> words = new ArrayList<>();
        for (String token : LIST_SEPARATOR.split(value)) {
            String word = allowed.match(token);
            if (word == null) {
                throw invalid(name, value, "may list only " + allowed);
            }
            if (!words.contains(word)) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

    boolean bool(String name, boolean fallback) throws TwimlException {
        String value = verbatim(name);
        if (value == null) {
            return fallback;
        }
        String word = value.strip();
        if (word.equalsIgnoreCase("true")) {
            return true;
        }
        if (word.equalsIgnoreCase("false")) {
            return false;
        }
        throw invalid(name, value, "must be true or false");
    }

    int integer(String name, int fallback, int min, int max) throws TwimlException {
        Integer value = optionalInteger(name, min, max);
        return value == null ? fallback : value;
    }

    Integer optionalInteger(String name, int min, int max) throws TwimlException {
        String value = verbatim(name);
        if (value == null) {
            return null;
        }
        String digits = value.strip();
        boolean wellFormed = !digits.isEmpty() && digits.length() <= MAX_DIGITS_IN_INT
                && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        int number = wellFormed ? Integer.parseInt(digits) : -1;
        if (number < min || number > max) {
            throw invalid(name, value, "must be a whole number from " + min + " to " + max);
        }
        return number;
    }

    /** Keys that end input; empty is allowed and switches the feature off. */
    String finishKeys(String name, String fallback) throws TwimlException {
        String value = verbatim(name);
        if (value == null) {
            return fallback;
        }
        String keys = value.strip();
        if (!keys.chars().allMatch(Attributes::isKey)) {
            throw invalid(name, value, "may contain only the keys 0-9, # and *");
        }
        return keys;
    }

    /** DTMF to send, where {@code w} waits half a second; null when absent or blank. */
    String dtmf(String name) throws TwimlException {
        String value = text(name);
        if (value != null && !value.chars().allMatch(c -> isKey(c) || c == 'w' || c == 'W')) {
            throw invalid(name, value, "may contain only the keys 0-9, #, * and w (a half-second wait)");
        }
        return value;
    }

    /** Reports every attribute no reader asked for: Twilio ignores what it does not know, and so does Patchbay. */
    void warnAboutUnread(XmlCursor cursor) {
        for (int i = 0; i < names.length; i++) {
            if (!read[i]) {
                cursor.warn("<" + element + "> attribute '" + names[i] + "' is not supported by Patchbay and was ignored");
            }
        }
    }

    private static boolean isKey(int c) {
        return c >= '0' && c <= '9' || c == '#' || c == '*';
    }

    private TwimlException invalid(String name, String value, String expectation) {
        return schemaViolation("<" + element + "> attribute '" + name + "' " + expectation
                + ", got '" + excerpt(value) + "'");
    }
}
