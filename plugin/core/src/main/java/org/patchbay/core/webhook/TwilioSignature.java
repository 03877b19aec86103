package org.patchbay.core.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Twilio's request signature, sent as {@code X-Twilio-Signature}: Base64 of HMAC-SHA1 keyed with
 * the auth token over the URL exactly as requested, followed for a POST by every form parameter
 * sorted by name, each as name then value. A GET carries its parameters in the URL, so the URL
 * alone is signed. Twilio's helper libraries validate it unchanged.
 */
public final class TwilioSignature {
    public static final String HEADER = "X-Twilio-Signature";

    // Mac.getInstance looks the algorithm up in the security providers on every call; one Mac
    // per event-loop thread, re-keyed per request, keeps signing at a few microseconds.
    private static final ThreadLocal<Mac> HMAC_SHA1 = ThreadLocal.withInitial(TwilioSignature::newMac);

    private TwilioSignature() {
    }

    /** Signs a GET, or any request whose parameters travel in the URL. */
    public static String sign(String authToken, String url) {
        return sign(authToken, url, Map.of());
    }

    /** Signs a POST: the URL (with whatever query it has) plus the form parameters. */
    public static String sign(String authToken, String url, Map<String, String> postParams) {
        return hmacBase64(authToken, payload(url, postParams));
    }

    static String payload(String url, Map<String, String> postParams) {
        List<String> names = new ArrayList<>(postParams.keySet());
        // Natural String order, as Twilio's validators sort (case-sensitive, "Zeta" before "alpha").
        Collections.sort(names);
        StringBuilder payload = new StringBuilder(url.length() + 32 * names.size()).append(url);
        for (String name : names) {
            String value = postParams.get(name);
            payload.append(name).append(value == null ? "" : value);
        }
        return payload.toString();
    }

    private static String hmacBase64(String authToken, String payload) {
        Mac mac = HMAC_SHA1.get();
        try {
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("auth token cannot key HMAC-SHA1", e);
        }
        return Base64.getEncoder().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required of every Java runtime", e);
        }
    }
}
