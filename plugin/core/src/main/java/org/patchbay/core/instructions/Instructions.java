package org.patchbay.core.instructions;

/** A fetched TwiML document; {@code url} is where it finally came from, after redirects. */
public record Instructions(String url, int status, String contentType, String body) {
}
