package org.patchbay.core.instructions;

import org.patchbay.core.error.ErrorCode;

/**
 * Instructions could not be had: the error code says why (11200 HTTP status, 11205 connection or
 * timeout, 11210 unknown host, 11215 redirects, 12300 content type, 11100 bad URL); the status and
 * the start of the body say what the server answered, when it answered.
 */
public class InstructionFetchException extends RuntimeException {
    private final ErrorCode errorCode;
    private final Integer responseStatus;
    private final String responseBody;

    public InstructionFetchException(ErrorCode errorCode, String message, Integer responseStatus, String responseBody) {
        super(message, null, false, false);
        this.errorCode = errorCode;
        this.responseStatus = responseStatus;
        this.responseBody = responseBody;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public Integer responseStatus() {
        return responseStatus;
    }

    public String responseBody() {
        return responseBody;
    }
}
