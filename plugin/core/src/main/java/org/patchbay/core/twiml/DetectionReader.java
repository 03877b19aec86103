package org.patchbay.core.twiml;

import org.patchbay.core.amd.MachineDetection;

/** The answering-machine detection attributes of {@code <Number>}, with Twilio's ranges. */
final class DetectionReader {
    private static final Keywords MODES = Keywords.of("Enable", "DetectMessageEnd");

    private DetectionReader() {
    }

    /** Null when {@code machineDetection} is absent (the timings and callback are then read, and unused, as on Twilio). */
    static MachineDetection read(Attributes attributes) throws TwimlException {
        String mode = attributes.keyword("machineDetection", null, MODES);
        Integer timeout = attributes.optionalInteger("machineDetectionTimeout",
                MachineDetection.MIN_TIMEOUT_S, MachineDetection.MAX_TIMEOUT_S);
        Integer speech = attributes.optionalInteger("machineDetectionSpeechThreshold",
                MachineDetection.MIN_SPEECH_MS, MachineDetection.MAX_SPEECH_MS);
        Integer speechEnd = attributes.optionalInteger("machineDetectionSpeechEndThreshold",
                MachineDetection.MIN_SPEECH_END_MS, MachineDetection.MAX_SPEECH_END_MS);
        Integer silence = attributes.optionalInteger("machineDetectionSilenceTimeout",
                MachineDetection.MIN_SILENCE_MS, MachineDetection.MAX_SILENCE_MS);
        String callback = attributes.url("amdStatusCallback");
        String callbackMethod = attributes.method("amdStatusCallbackMethod");
        if (mode == null) {
            return null;
        }
        return new MachineDetection(MachineDetection.Mode.parse(mode), timeout, speech, speechEnd, silence, false,
                callback, callbackMethod);
    }
}
