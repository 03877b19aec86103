package org.patchbay.core.limits;

import io.vertx.core.Future;

/**
 * Spaces starts evenly at a rate shared by every node (a GCRA with no burst). A start is booked at the
 * moment it goes, not ahead: a start booked ahead runs late whenever its node is busy at its moment and
 * bunches with the next one, while one booked when it goes only goes when the rate has room then. A
 * start up to a tenth of an interval late keeps the schedule, so no second holds more than
 * {@code perSecond + 1} starts.
 */
public interface CallPacer {

    /** Books a start under {@code key} if the rate has room now: 0 when booked (start at once), else the milliseconds to wait before asking again. */
    Future<Long> tryStart(String key, int perSecond);
}
