package org.patchbay.core.amd;

import org.patchbay.core.telephony.OriginateRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answering-machine detection asked for on a call ({@code MachineDetection} on {@code POST /Calls}, or
 * {@code machineDetection} on {@code <Number>}). Detection is Asterisk's {@code AMD()}, run by the dialplan
 * context {@value #CONTEXT} on the answered channel before it enters Stasis (see dialplan/extensions.conf);
 * the timings given are passed to it as channel variables, and those not given leave amd.conf's values.
 *
 * @param timeoutSeconds       {@code MachineDetectionTimeout}: AMD's total analysis time, or null
 * @param speechThresholdMs    {@code MachineDetectionSpeechThreshold}: AMD's longest human greeting, or null
 * @param speechEndThresholdMs {@code MachineDetectionSpeechEndThreshold}: AMD's silence after a greeting, or null
 * @param silenceTimeoutMs     {@code MachineDetectionSilenceTimeout}: AMD's longest initial silence, or null
 * @param async                {@code AsyncAmd=true}: the result is also POSTed to {@code callbackUrl}
 * @param callbackUrl          {@code AsyncAmdStatusCallback} or {@code amdStatusCallback}, or null
 */
public record MachineDetection(Mode mode, Integer timeoutSeconds, Integer speechThresholdMs, Integer speechEndThresholdMs,
                               Integer silenceTimeoutMs, boolean async, String callbackUrl, String callbackMethod) {

    /** The dialplan context the detecting originate enters (documented in dialplan/extensions.conf). */
    public static final String CONTEXT = "patchbay-amd";

    /** Twilio's ranges (error 21234 outside them). */
    public static final int MIN_TIMEOUT_S = 3;
    public static final int MAX_TIMEOUT_S = 59;
    public static final int MIN_SPEECH_MS = 1000;
    public static final int MAX_SPEECH_MS = 6000;
    public static final int MIN_SPEECH_END_MS = 500;
    public static final int MAX_SPEECH_END_MS = 5000;
    public static final int MIN_SILENCE_MS = 2000;
    public static final int MAX_SILENCE_MS = 10000;

    /** Twilio's defaults where the message end is waited for: silence that ends a greeting, and the longest wait. */
    static final int DEFAULT_SPEECH_END_MS = 1200;
    static final int DEFAULT_TIMEOUT_S = 30;

    public enum Mode {
        /** {@code Enable}: the result as soon as AMD has one. */
        ENABLE("Enable"),
        /** {@code DetectMessageEnd}: for a machine, the result once its greeting has ended. */
        DETECT_MESSAGE_END("DetectMessageEnd");

        private final String wire;

        Mode(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** Twilio's value, case as Twilio writes it; null when it is neither. */
        public static Mode parse(String value) {
            for (Mode mode : values()) {
                if (mode.wire.equals(value)) {
                    return mode;
                }
            }
            return null;
        }
    }

    public MachineDetection {
        callbackMethod = callbackMethod == null || callbackMethod.isBlank() ? "POST" : callbackMethod;
    }

    /** {@code originate} as it must go with {@code detection}: into the detecting dialplan context; unchanged without. */
    public static OriginateRequest route(OriginateRequest originate, MachineDetection detection) {
        return detection == null ? originate : originate.throughDialplan(CONTEXT, detection.dialplanVariables());
    }

    public MachineDetection withCallbackUrl(String url) {
        return new MachineDetection(mode, timeoutSeconds, speechThresholdMs, speechEndThresholdMs, silenceTimeoutMs, async,
                url, callbackMethod);
    }

    /**
     * The channel variables the {@value #CONTEXT} context reads: AMD()'s arguments (empty = amd.conf's value) and,
     * for DetectMessageEnd, WaitForSilence()'s silence and timeout.
     */
    public Map<String, String> dialplanVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("PATCHBAY_AMD_MODE", mode.wire());
        variables.put("PATCHBAY_AMD_INITIAL_SILENCE", text(silenceTimeoutMs));
        variables.put("PATCHBAY_AMD_GREETING", text(speechThresholdMs));
        variables.put("PATCHBAY_AMD_AFTER_GREETING_SILENCE", text(speechEndThresholdMs));
        variables.put("PATCHBAY_AMD_TOTAL_TIME", timeoutSeconds == null ? "" : String.valueOf(timeoutSeconds * 1000));
        if (mode == Mode.DETECT_MESSAGE_END) {
            variables.put("PATCHBAY_AMD_END_SILENCE",
                    String.valueOf(speechEndThresholdMs == null ? DEFAULT_SPEECH_END_MS : speechEndThresholdMs));
            variables.put("PATCHBAY_AMD_END_TIMEOUT", String.valueOf(timeoutSeconds == null ? DEFAULT_TIMEOUT_S : timeoutSeconds));
        }
        return variables;
    }

    private static String text(Integer value) {
        return value == null ? "" : String.valueOf(value);
    }
}
