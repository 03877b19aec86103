package org.patchbay.core.amd;

import java.util.List;

/**
 * Twilio's {@code AnsweredBy} from what the {@value MachineDetection#CONTEXT} dialplan hands to Stasis:
 * {@code ["amd", AMDSTATUS, AMDCAUSE]} after {@code AMD()}, plus {@code WAITSTATUS} when it then waited for
 * a machine's greeting to end ({@code WaitForSilence()}), or {@code ["amd", "FAX", …]} from the fax extension.
 *
 * <p>Asterisk hears no beep: a greeting that ends in silence is {@code machine_end_silence} whether or not it
 * beeped, and one still going at the timeout is {@code machine_end_other}; {@code machine_end_beep} never comes.
 */
public final class AnsweredBy {
    public static final String HUMAN = "human";
    public static final String MACHINE_START = "machine_start";
    public static final String MACHINE_END_SILENCE = "machine_end_silence";
    public static final String MACHINE_END_OTHER = "machine_end_other";
    public static final String FAX = "fax";
    public static final String UNKNOWN = "unknown";

    /** The first Stasis argument of a channel that went through detection. */
    public static final String STASIS_MARK = "amd";

    private AnsweredBy() {
    }

    /** Twilio's value for these Stasis arguments, or null when the channel did not come through detection. */
    public static String of(List<String> stasisArgs) {
        if (stasisArgs == null || stasisArgs.size() < 2 || !STASIS_MARK.equals(stasisArgs.get(0))) {
            return null;
        }
        String status = stasisArgs.get(1);
        String cause = stasisArgs.size() > 2 ? stasisArgs.get(2) : "";
        String waited = stasisArgs.size() > 3 ? stasisArgs.get(3) : "";
        return switch (status) {
            case "HUMAN" -> HUMAN;
            case "FAX" -> FAX;
            // AMD calls a line that stays silent past initialSilence a machine; Twilio calls it unknown.
            case "MACHINE" -> cause.startsWith("INITIALSILENCE") ? UNKNOWN : machine(waited);
            default -> UNKNOWN;
        };
    }

    private static String machine(String waitStatus) {
        return switch (waitStatus) {
            case "" -> MACHINE_START;
            case "SILENCE" -> MACHINE_END_SILENCE;
            default -> MACHINE_END_OTHER;
        };
    }
}
