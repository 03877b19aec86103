package org.patchbay.adapters.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.patchbay.core.json.Json;
import org.patchbay.core.store.Page;
import org.patchbay.core.store.PageCollector;
import org.patchbay.core.store.Resource;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One page of an account's records. The filter is Java code, so Redis cannot apply it: the
 * listing walks a sorted set (the account's, or the one {@link ListPlan} chose, within its creation
 * window) newest first in batches (ZREVRANGE by rank, then MGET of the
 * bodies), filters, skips {@code offset} matches and stops one match after {@code limit}, which
 * is how it knows there is more. A listing therefore costs up to every record of the walked set in its window.
 *
 * <p>The walk is not a snapshot: a record added or removed between two batches shifts positions,
 * so the same SID may come back twice (it is taken once) and a record may be missed. Bodies that
 * vanished since the batch was read, or that moved to another account, are skipped.
 */
final class Listing<T extends Resource> {
    private static final int MIN_BATCH = 16;
    private static final int MAX_BATCH = 500;

    private final RedisCommands redis;
    private final KeyLayout keys;
    private final Class<T> type;
    private final String accountSid;
    private final Predicate<? super T> filter;
    private final int batch;
    private final PageCollector<T> page;
    private final Set<String> seen = new HashSet<>();
    private final ListPlan.Plan plan;
    private final int skip;

    Listing(RedisCommands redis, KeyLayout keys, Class<T> type, String accountSid, Predicate<? super T> filter,
            int offset, int limit) {
        this(redis, keys, type, accountSid, filter, offset, limit, ListPlan.Plan.whole(keys.account(accountSid)));
    }

    /** Walks the set and window {@code plan} chose instead of the whole account's set. */
    Listing(RedisCommands redis, KeyLayout keys, Class<T> type, String accountSid, Predicate<? super T> filter,
            int offset, int limit, ListPlan.Plan plan) {
        this.plan = plan;
        // An exact set holds only matches: the offset is skipped by position, without reading those records.
        this.skip = plan.exact() ? offset : 0;
        this.redis = redis;
        this.keys = keys;
        this.type = type;
        this.accountSid = accountSid;
        this.filter = filter;
        this.page = new PageCollector<>(plan.exact() ? 0 : offset, limit);
        // Enough for the whole page in one round trip when the filter lets most records through.
        this.batch = (int) Math.min(MAX_BATCH, Math.max(MIN_BATCH, (long) (plan.exact() ? 0 : offset) + limit + 1));
    }

    /**
     * The window's members are ranks {@code [top, end)} of the set newest first; walking by rank (ZREVRANGE) costs
     * O(log n) a batch where a score range with an offset would step over every member before the offset.
     */
    Future<Page<T>> run() {
        Future<Long> above = "+inf".equals(plan.max()) ? Future.succeededFuture(0L) : count("(" + plan.max(), "+inf");
        Future<Long> within = count(plan.min(), plan.max());
        Promise<Page<T>> done = Promise.promise();
        Future.all(above, within).onSuccess(counts -> walk(above.result() + skip, above.result() + within.result(), done))
                .onFailure(done::fail);
        return done.future();
    }

    private Future<Long> count(String min, String max) {
        return redis.send(Request.cmd(Command.ZCOUNT).arg(plan.key()).arg(min).arg(max)).map(Response::toLong);
    }

    /** One batch, then the next: each continues from the callback (no chain of futures that deepens the stack). */
    private void walk(long rank, long end, Promise<Page<T>> done) {
        if (rank >= end) {
            done.complete(page());
            return;
        }
        long last = Math.min(end, rank + batch) - 1;
        redis.send(Request.cmd(Command.ZREVRANGE).arg(plan.key()).arg(rank).arg(last))
                .compose(sids -> sids.size() == 0 ? Future.succeededFuture((Response) null) : bodiesOf(sids))
                .onFailure(done::fail)
                .onSuccess(bodies -> {
                    if (bodies == null || take(bodies) || bodies.size() < last - rank + 1) {
                        done.complete(page());
                    } else {
                        walk(last + 1, end, done);
                    }
                });
    }

    private Future<Response> bodiesOf(Response sids) {
        Request mget = Request.cmd(Command.MGET);
        for (Response sid : sids) {
            mget.arg(keys.record(sid.toString()));
        }
        return redis.send(mget);
    }

    /** @return whether the page is complete and a further match proved {@code hasMore} */
    private boolean take(Response bodies) {
        for (Response body : bodies) {
            if (body == null) {
                continue;
            }
            T record = Json.read(body.toString(), type);
            if (!record.accountSid().equals(accountSid) || !seen.add(record.sid()) || !filter.test(record)) {
                continue;
            }
            if (!page.offer(record)) {
                return true;
            }
        }
        return false;
    }

    private Page<T> page() {
        return page.page();
    }
}
