package org.patchbay.core.error;

/**
 * The one failure type users see: an HTTP status, a Twilio error code and a message.
 * Adapters and the REST API turn every failure into one of these before it leaves Patchbay.
 */
public class PatchbayException extends RuntimeException {
    private final int httpStatus;
    private final ErrorCode errorCode;

    public PatchbayException(int httpStatus, ErrorCode errorCode, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public PatchbayException(int httpStatus, ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause, false, false);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public static PatchbayException notFound(String what) {
        return new PatchbayException(404, ErrorCode.NOT_FOUND, "The requested resource " + what + " was not found");
    }

    public static PatchbayException badRequest(ErrorCode code, String message) {
        return new PatchbayException(400, code, message);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public int code() {
        return errorCode.code();
    }
}
