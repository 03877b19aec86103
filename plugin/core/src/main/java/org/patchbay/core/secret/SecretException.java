package org.patchbay.core.secret;

/** A stored secret that cannot be opened: sealed with a key that is not configured, or altered. */
public final class SecretException extends IllegalStateException {
    public SecretException(String message) {
        super(message);
    }
}
