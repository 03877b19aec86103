package org.patchbay.server.simulate;

/** An option or script the simulation cannot run with; its message is the one line the user sees. */
final class BadOptionException extends RuntimeException {
    BadOptionException(String message) {
        super(message, null, false, false);
    }
}
