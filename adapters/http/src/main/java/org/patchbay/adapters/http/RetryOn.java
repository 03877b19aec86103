package org.patchbay.adapters.http;

/** The failures Twilio's {@code rp} override names as worth another attempt. */
public enum RetryOn {
    /** {@code 4xx}: the server answered with a client error. */
    CLIENT_ERROR("4xx"),
    /** {@code 5xx}: the server answered with a server error. */
    SERVER_ERROR("5xx"),
    /** {@code ct}: no connection could be made (refused, unreachable, connect timeout). */
    CONNECT("ct"),
    /** {@code rt}: connected, but the answer did not come (read timeout, connection reset). */
    READ("rt");

    private final String token;

    RetryOn(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
