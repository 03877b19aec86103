package org.patchbay.adapters.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.patchbay.core.json.Json;
import org.patchbay.core.store.Page;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.ListQuery;
import org.patchbay.core.store.retention.Retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records of one kind in Redis: JSON bodies, a sorted set per account, unique index keys. */
final class RedisResourceStore<T extends Resource> implements ResourceStore<T> {
    private final ResourceKind<T> kind;
    private final KeyLayout keys;
    private final RedisCommands redis;
    private final String endpoint;
    private final WriteOrder writes = new WriteOrder();
    private final Retention retention;

    RedisResourceStore(ResourceKind<T> kind, KeyLayout keys, RedisCommands redis, String endpoint, Retention retention) {
        this.kind = kind;
        this.keys = keys;
        this.redis = redis;
        this.endpoint = endpoint;
        this.retention = retention;
    }

    @Override
    public Future<Void> put(T record) {
        return explained("put", record.sid(), writes.after(record.sid(),
                () -> redis.eval(StoreScripts.PUT, scriptKeys(record), scriptArgs(record)).mapEmpty()));
    }

    @Override
    public Future<Boolean> putIfUnique(T record) {
        return explained("put-if-unique", record.sid(), writes.after(record.sid(),
                () -> redis.eval(StoreScripts.PUT_IF_UNIQUE, scriptKeys(record), scriptArgs(record)).map(written -> written.toLong() == 1)));
    }

    /** See write.lua: record, refs, account set, lrefs, unique index keys, list-index sets. */
    private List<String> scriptKeys(T record) {
        List<String> scriptKeys = new ArrayList<>();
        scriptKeys.add(keys.record(record.sid()));
        scriptKeys.add(keys.refs(record.sid()));
        scriptKeys.add(keys.account(record.accountSid()));
        scriptKeys.add(keys.listRefs(record.sid()));
        scriptKeys.addAll(indexKeys(record));
        kind.listIndexes().forEach((field, value) -> {
            String v = value.apply(record);
            if (v != null) {
                scriptKeys.add(keys.listIndex(record.accountSid(), field, v));
            }
        });
        return scriptKeys;
    }

    private List<String> scriptArgs(T record) {
        Instant expiresAt = retention.expiresAt(kind.name(), record);
        List<String> args = new ArrayList<>(List.of(record.sid(), Json.write(record), Long.toString(record.dateCreated().toEpochMilli()),
                expiresAt == null ? "0" : Long.toString(expiresAt.toEpochMilli()), keys.sortedSets(),
                Integer.toString(indexKeys(record).size()), keys.lags(record.accountSid())));
        kind.timeFields().forEach((field, time) -> {
            Instant t = time.apply(record);
            if (t != null) {
                args.add(field);
                args.add(Long.toString(Math.max(0, t.toEpochMilli() - record.dateCreated().toEpochMilli())));
            }
        });
        return args;
    }

    @Override
    public Future<T> get(String sid) {
        if (sid == null) {
            return Future.succeededFuture();
        }
        return explained("get", sid, redis.send(Request.cmd(Command.GET).arg(keys.record(sid))).map(this::decode));
    }

    @Override
    public Future<T> findBy(String index, String value) {
        if (value == null) {
            return Future.succeededFuture();
        }
        Future<Response> body = redis.eval(StoreScripts.FIND, List.of(keys.index(index, value)), List.of(keys.record("")));
        return explained("find", index + "=" + value, body.map(this::decode));
    }

    @Override
    public Future<Boolean> delete(String sid) {
        if (sid == null) {
            return Future.succeededFuture(false);
        }
        Future<Response> removed = writes.after(sid,
                () -> redis.eval(StoreScripts.DELETE, List.of(keys.record(sid), keys.refs(sid), keys.listRefs(sid)), List.of(sid)));
        return explained("delete", sid, removed.map(count -> count.toLong() > 0));
    }

    @Override
    public Future<Page<T>> list(String accountSid, Predicate<? super T> filter, int offset, int limit) {
        Listing<T> listing = new Listing<>(redis, keys, kind.type(), accountSid, filter, offset, limit);
        return explained("list", "of " + accountSid, listing.run());
    }

    /** Walks the smallest of the sets the query's terms allow, within the creation times its ranges allow. */
    @Override
    public Future<Page<T>> list(String accountSid, ListQuery<T> query, int offset, int limit) {
        Future<Page<T>> page = new ListPlan<>(redis, keys, kind, accountSid, query).choose()
                .compose(plan -> new Listing<>(redis, keys, kind.type(), accountSid, query.filter(), offset, limit, plan).run());
        return explained("list", "of " + accountSid, page);
    }

    private List<String> indexKeys(T record) {
        List<String> indexKeys = new ArrayList<>(kind.uniqueIndexes().size());
        kind.uniqueIndexes().forEach((name, key) -> {
            String value = key.apply(record);
            if (value != null) {
                indexKeys.add(keys.index(name, value));
            }
        });
        return indexKeys;
    }

    private T decode(Response body) {
        return body == null ? null : Json.read(body.toString(), kind.type());
    }

    /** Says which operation on which record failed, and where, whatever the underlying cause. */
    private <R> Future<R> explained(String operation, String subject, Future<R> result) {
        return result.recover(failure -> Future.failedFuture(new RedisStoreException(
                "Redis store at " + endpoint + ": " + operation + " " + kind.name() + " " + subject + " failed: "
                        + failure.getMessage(), failure)));
    }
}
