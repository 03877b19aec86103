package org.patchbay.core.twiml;

import static org.patchbay.core.twiml.TwimlErrors.excerpt;
import static org.patchbay.core.twiml.TwimlErrors.schemaViolation;

/** {@code <Say>}, {@code <Play>} and {@code <Pause>}: what the caller hears, on its own or inside {@code <Gather>}. */
final class PromptReaders {

    private PromptReaders() {
    }

    /** Reads a verb nested in {@code <Gather>}, which may hold these three and nothing else. */
    static Prompt readNested(XmlCursor cursor, String name) throws TwimlException {
        return switch (name) {
            case "Say" -> cursor.read(PromptReaders::say);
            case "Play" -> cursor.read(PromptReaders::play);
            case "Pause" -> cursor.read(PromptReaders::pause);
            default -> throw schemaViolation("<Gather> may contain only <Say>, <Play> and <Pause>; found <" + name + ">");
        };
    }

    /** Voice and language stay null when absent, so the speech engine's configured defaults apply. */
    static Say say(XmlCursor cursor, Attributes attributes) throws TwimlException {
        String voice = attributes.text("voice");
        String language = attributes.text("language");
        int loop = attributes.integer("loop", 1, 0, TwimlLimits.MAX_LOOP);
        return new Say(cursor.readSpeech("Say"), voice, language, loop);
    }

    static Play play(XmlCursor cursor, Attributes attributes) throws TwimlException {
        int loop = attributes.integer("loop", 1, 0, TwimlLimits.MAX_LOOP);
        String digits = attributes.dtmf("digits");
        String url = cursor.readText("Play");
        if (digits != null) {
            if (!url.isEmpty()) {
                cursor.warn("<Play> has both a digits attribute and a media URL; it sends the digits and ignores the URL");
            }
            return new Play(null, digits, loop);
        }
        if (url.isEmpty()) {
            throw schemaViolation("<Play> needs a media URL as its text, or a digits attribute");
        }
        if (!TwimlUrlRules.isPlayable(url)) {
            throw schemaViolation("<Play> media must be an http(s) URL, a relative URL or a sound:/recording: reference,"
                    + " got '" + excerpt(url) + "'");
        }
        return new Play(url, null, loop);
    }

    static Pause pause(XmlCursor cursor, Attributes attributes) throws TwimlException {
        int length = attributes.integer("length", 1, 1, TwimlLimits.MAX_CALL_SECONDS);
        cursor.readNothing("Pause");
        return new Pause(length);
    }
}
