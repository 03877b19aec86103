package org.patchbay.core.call;

/**
 * One party a {@code <Dial>} rings.
 *
 * @param to             the number, SIP URI or {@code client:identity} as the child call's To
 * @param from           the caller ID the callee sees (the child call's From)
 * @param app            the noun's status callback settings (its voice URL is unused)
 * @param screeningUrl   a document run on the callee before connecting, or null
 * @param sendDigits     DTMF sent to the callee once it answers, or null
 * @param endpoint       the PBX endpoint to ring (a client's registered device), or null to derive it
 *                       from {@code to} through the account's endpoint templates
 */
public record DialLegRequest(String to, String from, CallApp app, String screeningUrl, String screeningMethod,
                             String sendDigits, int timeoutSeconds, String endpoint) {
}
