package org.patchbay.core.twiml;

import static org.patchbay.core.twiml.TwimlErrors.excerpt;
import static org.patchbay.core.twiml.TwimlErrors.schemaViolation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code <Gather>}: its attributes with Twilio's defaults, and the prompts it plays while it listens. */
final class GatherReader {
    private static final Keywords INPUTS = Keywords.of("dtmf", "speech");

    /** Far beyond any number typed on a keypad; a bound only so that nonsense is refused. */
    private static final int MAX_DIGITS = 1000;

    private GatherReader() {
    }

    static Gather read(XmlCursor cursor, Attributes attributes) throws TwimlException {
        String action = attributes.url("action");
        String method = attributes.method("method");
        Set<String> input = input(cursor, attributes);
        int timeout = attributes.integer("timeout", 5, 1, TwimlLimits.MAX_CALL_SECONDS);
        String finishOnKey = attributes.finishKeys("finishOnKey", "#");
        Integer numDigits = attributes.optionalInteger("numDigits", 1, MAX_DIGITS);
        boolean actionOnEmptyResult = attributes.bool("actionOnEmptyResult", false);
        boolean bargeIn = attributes.bool("bargeIn", true);
        String language = attributes.text("language");
        List<Prompt> prompts = prompts(cursor);
        return new Gather(action, method, input, timeout, finishOnKey, numDigits, actionOnEmptyResult, bargeIn,
                language, prompts);
    }

    /** Speech is parsed so that documents written for Twilio run, but Patchbay can only listen for keys. */
    private static Set<String> input(XmlCursor cursor, Attributes attributes) throws TwimlException {
        List<String> words = attributes.keywordList("input", List.of("dtmf"), INPUTS);
        if (words.contains("speech")) {
            cursor.warn("<Gather input=\"" + String.join(" ", words) + "\">: speech recognition is not available"
                    + " in Patchbay; this <Gather> collects DTMF only");
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(words));
    }

    private static List<Prompt> prompts(XmlCursor cursor) throws TwimlException {
        List<Prompt> prompts = new ArrayList<>();
        String text = cursor.readContent("Gather", name -> prompts.add(PromptReaders.readNested(cursor, name)));
        if (!text.isEmpty()) {
            throw schemaViolation("<Gather> may contain only <Say>, <Play> and <Pause>; found text '"
                    + excerpt(text) + "'");
        }
        return List.copyOf(prompts);
    }
}
