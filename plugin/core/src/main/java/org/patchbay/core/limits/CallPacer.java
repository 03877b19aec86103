package org.patchbay.core.limits;

import io.vertx.core.Future;

/**
 * Spaces starts evenly at a rate shared by every node (a GCRA with no burst): each start reserves
 * the next free moment, so starts leave in the order they were reserved, {@code 1/perSecond} apart.
 */
public interface CallPacer {

    /** Reserves a start under {@code key}; completes with how many milliseconds to wait before starting. */
    Future<Long> reserve(String key, int perSecond);
}
