package org.patchbay.adapters.redis;

import io.vertx.core.Future;
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
 * window) newest first in batches (ZREVRANGEBYSCORE … LIMIT, then MGET of the
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

    Future<Page<T>> run() {
        return walkFrom(skip);
    }

    private Future<Page<T>> walkFrom(long start) {
        Request range = Request.cmd(Command.ZREVRANGEBYSCORE).arg(plan.key()).arg(plan.max()).arg(plan.min())
                .arg("LIMIT").arg(start).arg(batch);
        return redis.send(range).compose(sids -> {
            if (sids.size() == 0) {
                return Future.succeededFuture(page());
            }
            return bodiesOf(sids).compose(bodies -> {
                boolean pageFull = take(bodies);
                return pageFull || sids.size() < batch ? Future.succeededFuture(page()) : walkFrom(start + batch);
            });
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
