package org.patchbay.adapters.redis;

/** A store operation that Redis could not carry out: unreachable, too slow, or refusing the command. */
public final class RedisStoreException extends RuntimeException {

    RedisStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
