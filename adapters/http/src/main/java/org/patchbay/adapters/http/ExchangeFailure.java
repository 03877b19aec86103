package org.patchbay.adapters.http;

import java.net.UnknownHostException;

/** A request that got no complete answer, and at which stage it failed. */
final class ExchangeFailure extends RuntimeException {

    enum Kind {
        /** The outbound policy refused the resolved address; nothing was sent. */
        REFUSED,
        /** The host name did not resolve. */
        UNKNOWN_HOST,
        /** No connection: refused, unreachable, or the connect timeout passed. */
        CONNECT,
        /** Connected, then the answer stopped: read timeout, reset, closed. */
        READ,
        /** The time allowed for the whole fetch ran out. */
        TIMEOUT
    }

    private final Kind kind;

    ExchangeFailure(Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    static ExchangeFailure connecting(String host, int port, Throwable cause) {
        if (cause instanceof OutboundRefusedException refused) {
            return new ExchangeFailure(Kind.REFUSED, refused.getMessage(), cause);
        }
        if (causedBy(cause, UnknownHostException.class)) {
            return new ExchangeFailure(Kind.UNKNOWN_HOST, "unknown host " + host, cause);
        }
        return new ExchangeFailure(Kind.CONNECT, "could not connect to " + host + ":" + port + ": " + describe(cause), cause);
    }

    static ExchangeFailure reading(Throwable cause) {
        return new ExchangeFailure(Kind.READ, "no complete answer: " + describe(cause), cause);
    }

    static ExchangeFailure timeout(long ms) {
        return new ExchangeFailure(Kind.TIMEOUT, "no complete answer within " + ms + " ms", null);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
