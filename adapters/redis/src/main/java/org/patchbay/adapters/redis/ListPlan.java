package org.patchbay.adapters.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import org.patchbay.core.store.ListQuery;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;
import org.patchbay.core.store.TimeRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which sorted set a listing walks and between which creation times. Every set is scored by creation
 * time, so the query's time ranges bound the walk: a time field is never before the creation, so a
 * range ending at {@code to} allows only records created before it, and one starting at {@code from}
 * only those created after {@code from} minus the field's largest lag behind creation (kept per account
 * by write.lua). Of the account's set and the sets of the query's equal terms, the one with the fewest
 * members in that window is walked (ZCOUNT each), and the filter checks the rest.
 */
final class ListPlan<T extends Resource> {
    /** ZREVRANGEBYSCORE {@code key} from {@code max} down to {@code min} (epoch ms, inclusive). */
    record Plan(String key, String max, String min, boolean exact) {
        static Plan whole(String key) {
            return new Plan(key, "+inf", "-inf", false);
        }
    }

    private final RedisCommands redis;
    private final KeyLayout keys;
    private final ResourceKind<T> kind;
    private final String accountSid;
    private final ListQuery<T> query;

    ListPlan(RedisCommands redis, KeyLayout keys, ResourceKind<T> kind, String accountSid, ListQuery<T> query) {
        this.redis = redis;
        this.keys = keys;
        this.kind = kind;
        this.accountSid = accountSid;
        this.query = query;
    }

    Future<Plan> choose() {
        List<String> candidates = new ArrayList<>();
        candidates.add(keys.account(accountSid));
        query.equal().forEach((field, value) -> {
            if (kind.listIndexes().containsKey(field) && value != null) {
                candidates.add(keys.listIndex(accountSid, field, value));
            }
        });
        // The set holds exactly the matches when the query's one term (or none) is all its filter says.
        boolean exact = query.exact() && query.within().isEmpty() && candidates.size() == query.equal().size() + 1
                && query.equal().size() <= 1;
        return window().compose(window -> smallest(candidates, window))
                .map(plan -> new Plan(plan.key(), plan.max(), plan.min(), exact));
    }

    /** {max, min} creation times the ranges allow. */
    private Future<long[]> window() {
        long max = Long.MAX_VALUE;
        List<String> lowerFields = new ArrayList<>();
        List<Long> lowerBounds = new ArrayList<>();
        for (Map.Entry<String, TimeRange> term : query.within().entrySet()) {
            if (!kind.timeFields().containsKey(term.getKey())) {
                continue;
            }
            TimeRange range = term.getValue();
            if (range.to() != null) {
                max = Math.min(max, range.to().toEpochMilli() - 1);
            }
            if (range.from() != null) {
                lowerFields.add(term.getKey());
                lowerBounds.add(range.from().toEpochMilli());
            }
        }
        long upper = max;
        if (lowerFields.isEmpty()) {
            return Future.succeededFuture(new long[] {upper, Long.MIN_VALUE});
        }
        Request lags = Request.cmd(Command.HMGET).arg(keys.lags(accountSid));
        lowerFields.forEach(lags::arg);
        return redis.send(lags).map(reply -> {
            long min = Long.MIN_VALUE;
            for (int i = 0; i < lowerFields.size(); i++) {
                long lag = reply.get(i) == null ? 0 : reply.get(i).toLong();
                min = Math.max(min, lowerBounds.get(i) - lag);
            }
            return new long[] {upper, min};
        });
    }

    private Future<Plan> smallest(List<String> candidates, long[] window) {
        String max = window[0] == Long.MAX_VALUE ? "+inf" : Long.toString(window[0]);
        String min = window[1] == Long.MIN_VALUE ? "-inf" : Long.toString(window[1]);
        if (candidates.size() == 1) {
            return Future.succeededFuture(new Plan(candidates.get(0), max, min, false));
        }
        List<Future<Long>> counts = candidates.stream()
                .map(key -> redis.send(Request.cmd(Command.ZCOUNT).arg(key).arg(min).arg(max)).map(reply -> reply.toLong()))
                .toList();
        return Future.all(counts).map(done -> {
            int best = 0;
            for (int i = 1; i < counts.size(); i++) {
                if (counts.get(i).result() < counts.get(best).result()) {
                    best = i;
                }
            }
            return new Plan(candidates.get(best), max, min, false);
        });
    }
}
