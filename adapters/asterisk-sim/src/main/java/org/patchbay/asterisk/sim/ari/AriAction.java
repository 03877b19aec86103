package org.patchbay.asterisk.sim.ari;

import io.vertx.core.Future;

/** One ARI operation: reads its parameters, acts on the sim, and answers (or throws an AriError). */
@FunctionalInterface
interface AriAction {
    Future<Reply> handle(AriParams params);
}
