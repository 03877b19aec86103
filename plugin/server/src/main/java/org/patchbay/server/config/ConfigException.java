package org.patchbay.server.config;

/** A setting Patchbay cannot start with; its message is the one line the operator sees. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
