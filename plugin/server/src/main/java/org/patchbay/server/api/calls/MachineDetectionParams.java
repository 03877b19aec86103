package org.patchbay.server.api.calls;

import org.patchbay.core.amd.MachineDetection;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.server.api.http.Params;

/**
 * {@code MachineDetection} and its parameters on {@code POST /Calls}, refused with Twilio's 21234 when the mode or a
 * timing is out of Twilio's range. As on Twilio, the timings and {@code AsyncAmd*} mean nothing without
 * {@code MachineDetection}, and {@code SendDigits} turns detection off.
 */
final class MachineDetectionParams {
    private MachineDetectionParams() {
    }

    /** The detection asked for, or null. */
    static MachineDetection read(Params params, String sendDigits) {
        String modeText = params.get("MachineDetection");
        if (modeText == null || modeText.isEmpty()) {
            return null;
        }
        MachineDetection.Mode mode = MachineDetection.Mode.parse(modeText);
        if (mode == null) {
            throw invalid("MachineDetection must be Enable or DetectMessageEnd, got '" + Params.shorten(modeText) + "'");
        }
        Integer timeout = ranged(params, "MachineDetectionTimeout", MachineDetection.MIN_TIMEOUT_S, MachineDetection.MAX_TIMEOUT_S);
        Integer speech = ranged(params, "MachineDetectionSpeechThreshold",
                MachineDetection.MIN_SPEECH_MS, MachineDetection.MAX_SPEECH_MS);
        Integer speechEnd = ranged(params, "MachineDetectionSpeechEndThreshold",
                MachineDetection.MIN_SPEECH_END_MS, MachineDetection.MAX_SPEECH_END_MS);
        Integer silence = ranged(params, "MachineDetectionSilenceTimeout",
                MachineDetection.MIN_SILENCE_MS, MachineDetection.MAX_SILENCE_MS);
        boolean async = Boolean.TRUE.equals(params.bool("AsyncAmd"));
        String callback = CallCreation.blankToNull(params.url("AsyncAmdStatusCallback"));
        String callbackMethod = params.method("AsyncAmdStatusCallbackMethod");
        if (sendDigits != null) {
            return null;
        }
        return new MachineDetection(mode, timeout, speech, speechEnd, silence, async, callback, callbackMethod);
    }

    private static Integer ranged(Params params, String name, int min, int max) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        String range = name + " must be a whole number from " + min + " to " + max + ", got '" + Params.shorten(value) + "'";
        if (!value.matches("[0-9]{1,9}")) {
            throw invalid(range);
        }
        int number = Integer.parseInt(value);
        if (number < min || number > max) {
            throw invalid(range);
        }
        return number;
    }

    private static PatchbayException invalid(String message) {
        return PatchbayException.badRequest(ErrorCode.INVALID_MACHINE_DETECTION, message);
    }
}
