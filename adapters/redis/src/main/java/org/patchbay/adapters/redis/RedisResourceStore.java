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

    RedisResourceStore(ResourceKind<T> kind, KeyLayout keys, RedisCommands redis, String endpoint) {
        this.kind = kind;
        this.keys = keys;
        this.redis = redis;
        this.endpoint = endpoint;
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

    private List<String> scriptKeys(T record) {
        List<String> scriptKeys = new ArrayList<>();
        scriptKeys.add(keys.record(record.sid()));
        scriptKeys.add(keys.refs(record.sid()));
        scriptKeys.add(keys.account(record.accountSid()));
        scriptKeys.addAll(indexKeys(record));
        return scriptKeys;
    }

    private static List<String> scriptArgs(Resource record) {
        return List.of(record.sid(), Json.write(record), Long.toString(record.dateCreated().toEpochMilli()));
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
                () -> redis.eval(StoreScripts.DELETE, List.of(keys.record(sid), keys.refs(sid)), List.of(sid)));
        return explained("delete", sid, removed.map(count -> count.toLong() > 0));
    }

    @Override
    public Future<Page<T>> list(String accountSid, Predicate<? super T> filter, int offset, int limit) {
        Listing<T> listing = new Listing<>(redis, keys, kind.type(), accountSid, filter, offset, limit);
        return explained("list", "of " + accountSid, listing.run());
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
