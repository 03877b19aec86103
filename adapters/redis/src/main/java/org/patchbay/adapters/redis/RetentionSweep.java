package org.patchbay.adapters.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass of the retention sweep over a kind: walks the kind's registry of sorted sets (SSCAN, a
 * batch at a time) and runs sweep.lua on each batch, which drops the records created before the cutoff
 * together with their index entries and trims the sets (ZREMRANGEBYSCORE). Each script run is atomic
 * and bounded; a batch whose sets had more expired records than one run takes is run again.
 */
final class RetentionSweep {
    private static final int SETS_PER_BATCH = 100;
    private static final int RECORDS_PER_SET = 500;

    private final RedisCommands redis;
    private final KeyLayout keys;
    private final String cutoff;

    RetentionSweep(RedisCommands redis, KeyLayout keys, Instant cutoff) {
        this.redis = redis;
        this.keys = keys;
        this.cutoff = Long.toString(cutoff.toEpochMilli());
    }

    Future<Integer> run() {
        return scanFrom("0", 0);
    }

    private Future<Integer> scanFrom(String cursor, int dropped) {
        Request scan = Request.cmd(Command.SSCAN).arg(keys.sortedSets()).arg(cursor).arg("COUNT").arg(SETS_PER_BATCH);
        return redis.send(scan).compose(reply -> {
            String next = reply.get(0).toString();
            List<String> sets = new ArrayList<>();
            reply.get(1).forEach(set -> sets.add(set.toString()));
            Future<Integer> swept = sets.isEmpty() ? Future.succeededFuture(0) : sweep(sets, 0);
            return swept.compose(count -> "0".equals(next) ? Future.succeededFuture(dropped + count) : scanFrom(next, dropped + count));
        });
    }

    private Future<Integer> sweep(List<String> sets, int dropped) {
        return redis.eval(StoreScripts.SWEEP, sets, List.of(cutoff, keys.sortedSets(), keys.prefix(), Integer.toString(RECORDS_PER_SET)))
                .compose((Response result) -> {
                    int total = dropped + result.get(0).toInteger();
                    return result.get(1).toInteger() > 0 ? sweep(sets, total) : Future.succeededFuture(total);
                });
    }
}
