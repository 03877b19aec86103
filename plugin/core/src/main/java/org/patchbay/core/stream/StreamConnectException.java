package org.patchbay.core.stream;

/** The WebSocket to an application could not be opened: the HTTP status of a refused upgrade, or 0. */
public final class StreamConnectException extends RuntimeException {
    private final int status;

    public StreamConnectException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
