package org.patchbay.server.simulate;

import org.patchbay.asterisk.sim.HeardEntry;

import java.util.Locale;

/** Tells what the caller heard: synthesised speech as the Say it came from, other media as a Play. */
final class HeardLines {
    static final String MARK = "))  ";

    private HeardLines() {
    }

    static Line of(HeardEntry entry, SpeechLog speech) {
        Line line = switch (entry.kind()) {
            case "playback", "bridge-playback" -> media(entry, speech);
            case "beep" -> Line.of("beep", MARK + "beep");
            case "dtmf" -> Line.of("dtmf", MARK + "DTMF tones " + entry.detail()).with("digits", entry.detail());
            case "moh" -> Line.of("moh", MARK + "music on hold (" + entry.detail() + ")").with("musicClass", entry.detail());
            default -> Line.of(entry.kind(), MARK + entry.kind() + " " + entry.detail()).with("detail", entry.detail());
        };
        return withOutcome(line, entry);
    }

    private static Line media(HeardEntry entry, SpeechLog speech) {
        String where = entry.kind().equals("bridge-playback") ? " (to the bridge)" : "";
        SpeechLog.Spoken spoken = speech.spokenIn(entry.detail());
        if (spoken != null) {
            return Line.of("say", MARK + "Say \"" + spoken.text() + "\"" + voice(spoken) + where)
                    .with("say", spoken.text()).with("voice", spoken.voice()).with("language", spoken.language())
                    .with("media", entry.detail());
        }
        return Line.of("play", MARK + "Play " + shown(entry.detail()) + where).with("media", entry.detail());
    }

    /** {@code sound:https://...} is how Patchbay asks Asterisk to fetch a URL; the developer wrote the URL. */
    private static String shown(String media) {
        String lower = media.toLowerCase(Locale.ROOT);
        return lower.startsWith("sound:http://") || lower.startsWith("sound:https://") ? media.substring(6) : media;
    }

    private static String voice(SpeechLog.Spoken spoken) {
        if (spoken.voice() == null && spoken.language() == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(" (");
        if (spoken.voice() != null) {
            out.append("voice=").append(spoken.voice());
        }
        if (spoken.language() != null) {
            out.append(spoken.voice() != null ? ", " : "").append("language=").append(spoken.language());
        }
        return out.append(')').toString();
    }

    private static Line withOutcome(Line line, HeardEntry entry) {
        String note = switch (entry.outcome()) {
            case "stopped" -> "  [cut short]";
            case "failed" -> "  [could not be played]";
            default -> "";
        };
        return new Line(line.type(), line.text() + note, line.fields()).with("outcome", entry.outcome());
    }
}
