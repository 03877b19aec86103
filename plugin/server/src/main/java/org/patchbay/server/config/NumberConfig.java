package org.patchbay.server.config;

/** A dialled number mapped to an application in the YAML file ({@code numbers:}). */
public record NumberConfig(String voiceUrl, String voiceMethod, String voiceFallbackUrl, String voiceFallbackMethod,
                           String statusCallback, String statusCallbackMethod) {
}
