package org.patchbay.core.call;

import org.patchbay.core.amd.MachineDetection;

import java.util.Set;

/**
 * The application that drives a call: where its TwiML comes from and where its status goes.
 *
 * @param statusCallbackEvents which of initiated, ringing, answered, completed to report
 * @param machineDetection     answering-machine detection on the call once answered, and where its result goes; or null
 */
public record CallApp(
        String voiceUrl,
        String voiceMethod,
        String fallbackUrl,
        String fallbackMethod,
        String statusCallback,
        String statusCallbackMethod,
        Set<String> statusCallbackEvents,
        MachineDetection machineDetection) {

    public static final Set<String> DEFAULT_EVENTS = Set.of("completed");

    public CallApp {
        voiceMethod = methodOrPost(voiceMethod);
        fallbackMethod = methodOrPost(fallbackMethod);
        statusCallbackMethod = methodOrPost(statusCallbackMethod);
        statusCallbackEvents = statusCallbackEvents == null || statusCallbackEvents.isEmpty()
                ? DEFAULT_EVENTS : Set.copyOf(statusCallbackEvents);
    }

    public CallApp(String voiceUrl, String voiceMethod, String fallbackUrl, String fallbackMethod, String statusCallback,
                   String statusCallbackMethod, Set<String> statusCallbackEvents) {
        this(voiceUrl, voiceMethod, fallbackUrl, fallbackMethod, statusCallback, statusCallbackMethod, statusCallbackEvents, null);
    }

    public static CallApp of(String voiceUrl) {
        return new CallApp(voiceUrl, "POST", null, null, null, null, null);
    }

    public CallApp withVoiceUrl(String url, String method) {
        return new CallApp(url, method, fallbackUrl, fallbackMethod, statusCallback, statusCallbackMethod, statusCallbackEvents,
                machineDetection);
    }

    public CallApp withMachineDetection(MachineDetection detection) {
        return new CallApp(voiceUrl, voiceMethod, fallbackUrl, fallbackMethod, statusCallback, statusCallbackMethod,
                statusCallbackEvents, detection);
    }

    public boolean hasFallback() {
        return fallbackUrl != null && !fallbackUrl.isBlank();
    }

    private static String methodOrPost(String method) {
        return method == null || method.isBlank() ? "POST" : method.toUpperCase(java.util.Locale.ROOT);
    }
}
