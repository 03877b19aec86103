package org.patchbay.server.api.applications;

import org.patchbay.server.api.http.Params;

/**
 * The voice settings Applications and IncomingPhoneNumbers share. An update changes only the
 * parameters it names; an empty URL removes it and an empty method returns to POST, as on Twilio.
 */
public record VoiceFields(String voiceUrl, String voiceMethod, String voiceFallbackUrl, String voiceFallbackMethod,
                          String statusCallback, String statusCallbackMethod) {

    public static final VoiceFields NONE = new VoiceFields(null, "POST", null, "POST", null, "POST");

    public VoiceFields updatedBy(Params params) {
        return new VoiceFields(
                url(params, "VoiceUrl", voiceUrl),
                method(params, "VoiceMethod", voiceMethod),
                url(params, "VoiceFallbackUrl", voiceFallbackUrl),
                method(params, "VoiceFallbackMethod", voiceFallbackMethod),
                url(params, "StatusCallback", statusCallback),
                method(params, "StatusCallbackMethod", statusCallbackMethod));
    }

    private static String url(Params params, String name, String current) {
        String value = params.url(name);
        if (value == null) {
            return current;
        }
        return value.isEmpty() ? null : value;
    }

    private static String method(Params params, String name, String current) {
        if (!params.has(name)) {
            return current;
        }
        String value = params.method(name);
        return value == null ? "POST" : value;
    }
}
