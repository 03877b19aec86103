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
    private final RecordWrite<T> write;

    RedisResourceStore(ResourceKind<T> kind, KeyLayout keys, RedisCommands redis, String endpoint, Retention retention) {
        this.kind = kind;
        this.keys = keys;
        this.redis = redis;
        this.endpoint = endpoint;
        this.write = new RecordWrite<>(kind, keys, retention);
    }

    /** Writes many records in one script run, each as {@link #put} would (imports, benchmarks); no write order per record. */
    Future<Void> putAll(List<T> records) {
        List<String> args = new ArrayList<>();
        for (T record : records) {
            List<String> recordKeys = write.keys(record);
            List<String> recordArgs = write.args(record);
            args.add(Integer.toString(recordKeys.size()));
            args.add(Integer.toString(recordArgs.size()));
            args.addAll(recordKeys);
            args.addAll(recordArgs);
        }
        return explained("put-all", records.size() + " records", redis.eval(StoreScripts.PUT_ALL, List.of(), args).mapEmpty());
    }

    @Override
    public Future<Void> put(T record) {
        return explained("put", record.sid(), writes.after(record.sid(),
                () -> redis.eval(StoreScripts.PUT, write.keys(record), write.args(record)).mapEmpty()));
    }

    @Override
    public Future<Boolean> putIfUnique(T record) {
        return explained("put-if-unique", record.sid(), writes.after(record.sid(),
                () -> redis.eval(StoreScripts.PUT_IF_UNIQUE, write.keys(record), write.args(record)).map(written -> written.toLong() == 1)));
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
