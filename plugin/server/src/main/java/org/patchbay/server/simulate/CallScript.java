package org.patchbay.server.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the caller does at each prompt, in order: one line per time Patchbay waits for the caller
 * (a Gather waiting for keys or a Record starting). Prompts past the last line get no input.
 *
 * <pre>
 * # a comment (a line starting with #; to press # first, write "press #")
 * 1            press 1
 * 42#          press 4, 2 and #   (w pauses half a second: 1w2)
 * press #      press #
 * -            press nothing (also: nothing)
 * speak 3      speak for 3 seconds, then fall silent
 * speak 3 #    speak for 3 seconds, then press #
 * hangup       hang up
 * callee +15551234567 busy          what a party a Dial rings does (not a prompt): answer [SECONDS
 * callee * answer 10                talking before it hangs up, default 3], busy, no-answer, fail, reject
 * </pre>
 */
final class CallScript {
    private static final Pattern DIGITS = Pattern.compile("[0-9*#wW]{1,64}");
    private static final double MAX_SPEECH_SECONDS = 3600;

    private final List<CallerAction> actions;
    private final List<CalleeRule> callees;

    private CallScript(List<CallerAction> actions, List<CalleeRule> callees) {
        this.actions = List.copyOf(actions);
        this.callees = List.copyOf(callees);
    }

    static CallScript none() {
        return new CallScript(List.of(), List.of());
    }

    /** {@code --digits}: keys pressed at the first prompt only. */
    static CallScript digits(String digits) {
        return new CallScript(List.of(press(digits, "--digits")), List.of());
    }

    static CallScript read(String file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new BadOptionException("cannot read script " + file + ": no such file");
        } catch (IOException | RuntimeException e) {
            throw new BadOptionException("cannot read script " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        return parse(lines, file);
    }

    static CallScript parse(List<String> lines, String source) {
        List<CallerAction> actions = new ArrayList<>();
        List<CalleeRule> callees = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1);
            if (line.toLowerCase(Locale.ROOT).startsWith("callee ")) {
                callees.add(callee(line.split("\\s+"), where));
            } else {
                actions.add(action(line, where));
            }
        }
        return new CallScript(actions, callees);
    }

    private static CallerAction action(String line, String where) {
        String[] words = line.split("\\s+");
        String keyword = words[0].toLowerCase(Locale.ROOT);
        switch (keyword) {
            case "-", "nothing" -> {
                expectWords(words, 1, 1, where, keyword);
                return new CallerAction.Nothing();
            }
            case "hangup" -> {
                expectWords(words, 1, 1, where, keyword);
                return new CallerAction.HangUp();
            }
            case "press" -> {
                expectWords(words, 2, 2, where, "press DIGITS");
                return press(words[1], where);
            }
            case "speak" -> {
                expectWords(words, 2, 3, where, "speak SECONDS [DIGITS]");
                return new CallerAction.Speak(speechSeconds(words[1], where), words.length == 3 ? press(words[2], where).digits() : null);
            }
            default -> {
                expectWords(words, 1, 1, where, "DIGITS");
                return press(line, where);
            }
        }
    }

    private static CalleeRule callee(String[] words, String where) {
        expectWords(words, 3, 4, where, "callee ADDRESS answer [SECONDS] | busy | no-answer | fail | reject");
        org.patchbay.asterisk.sim.FarEndBehaviour behaviour;
        try {
            behaviour = org.patchbay.asterisk.sim.FarEndBehaviour.parse(words[2]);
        } catch (IllegalArgumentException e) {
            throw new BadOptionException(where + ": a callee may answer, busy, no-answer, fail or reject, not '" + words[2] + "'");
        }
        if (words.length == 4 && behaviour != org.patchbay.asterisk.sim.FarEndBehaviour.ANSWER) {
            throw new BadOptionException(where + ": only 'answer' takes the seconds before the callee hangs up");
        }
        double talk = words.length == 4 ? speechSeconds(words[3], where) : DialledLegs.TALK_MILLIS / 1000.0;
        CalleeRule rule = new CalleeRule(words[1], behaviour, talk);
        try {
            rule.endpointGlob();
        } catch (RuntimeException e) {
            throw new BadOptionException(where + ": '" + words[1] + "' is not a number, sip: URI, client: name or *");
        }
        return rule;
    }

    /** The {@code callee} lines, in order: the first that covers a dialled party decides what it does. */
    List<CalleeRule> callees() {
        return callees;
    }

    private static CallerAction.Press press(String digits, String where) {
        if (!DIGITS.matcher(digits).matches()) {
            throw new BadOptionException(where + ": '" + digits + "' is not 1 to 64 keys of 0-9 * # (w pauses)");
        }
        return new CallerAction.Press(digits);
    }

    private static double speechSeconds(String text, String where) {
        try {
            double seconds = Double.parseDouble(text);
            if (seconds > 0 && seconds <= MAX_SPEECH_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the line it came from
        }
        throw new BadOptionException(where + ": speak wants seconds between 0 and 3600, got '" + text + "'");
    }

    private static void expectWords(String[] words, int min, int max, String where, String form) {
        if (words.length < min || words.length > max) {
            throw new BadOptionException(where + ": expected '" + form + "', got '" + String.join(" ", words) + "'");
        }
    }

    /** The action for the {@code index}-th prompt (0-based): nothing once the script has run out. */
    CallerAction at(int index) {
        return index < actions.size() ? actions.get(index) : new CallerAction.Nothing();
    }

    List<CallerAction> actions() {
        return actions;
    }

    static String seconds(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
