package org.patchbay.core.twiml;

import org.patchbay.core.error.ErrorCode;

/** A document that cannot run: 12100 when it is not well-formed TwiML XML, 12200 when it breaks the schema. */
public class TwimlException extends Exception {
    private final ErrorCode errorCode;

    public TwimlException(ErrorCode errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
