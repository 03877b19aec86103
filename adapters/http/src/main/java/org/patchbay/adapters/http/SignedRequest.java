package org.patchbay.adapters.http;

import org.patchbay.core.webhook.TwilioSignature;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

import java.util.Map;

/**
 * One request as it goes out: the method, the URL exactly as requested, the form fields of a
 * POST (a GET has already put its parameters in the URL) and the token that signs it.
 *
 * @param url       in {@link WireUrls#forRequest} form: no fragment, nothing left to encode
 * @param form      the POST parameters in order; empty for a GET
 * @param authToken null or empty for an unsigned request
 * @param headers   extra headers (Cookie, If-None-Match, ...), set over the defaults
 */
record SignedRequest(HttpMethod method, String url, Map<String, String> form, String authToken, Map<String, String> headers) {

    SignedRequest(HttpMethod method, String url, Map<String, String> form, String authToken) {
        this(method, url, form, authToken, Map.of());
    }

    /** The same request with one more header; a null value leaves it as it is. */
    SignedRequest withHeader(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new SignedRequest(method, url, form, authToken, Map.copyOf(more));
    }

    /**
     * A Twilio-style request: POST sends the parameters as a form, GET appends them to the URL's
     * query. Any method other than GET is sent as POST, Twilio's default.
     */
    static SignedRequest of(String method, String url, Map<String, String> params, String authToken) {
        Map<String, String> safeParams = params == null ? Map.of() : params;
        if ("GET".equalsIgnoreCase(method)) {
            return new SignedRequest(HttpMethod.GET, WireUrls.withQuery(url, FormEncoding.encode(safeParams)), Map.of(), authToken);
        }
        return new SignedRequest(HttpMethod.POST, url, safeParams, authToken);
    }

    /**
     * The request that follows a redirect to {@code location}: 301, 302 and 303 turn into a GET
     * of the new URL without a body, as browsers do; 307 and 308 repeat the method and the body.
     * Either way it is signed afresh for its own URL.
     */
    SignedRequest redirectedTo(String location, int status) {
        boolean keepMethod = status == 307 || status == 308;
        return keepMethod
                ? new SignedRequest(method, location, form, authToken)
                : new SignedRequest(HttpMethod.GET, location, Map.of(), authToken);
    }

    boolean hasBody() {
        return method == HttpMethod.POST;
    }

    Buffer body() {
        return Buffer.buffer(FormEncoding.encode(form));
    }

    /** The {@code X-Twilio-Signature} value, or null when there is no token to sign with. */
    String signature() {
        if (authToken == null || authToken.isEmpty()) {
            return null;
        }
        return TwilioSignature.sign(authToken, url, form);
    }
}
