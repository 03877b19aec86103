package org.patchbay.adapters.redis.limits;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import org.patchbay.adapters.redis.RedisCommands;
import org.patchbay.adapters.redis.RedisStore;
import org.patchbay.core.json.Json;
import org.patchbay.core.limits.AccountLimits;
import org.patchbay.core.limits.AccountLimitsStore;


/** Accounts' own thresholds as JSON at {@code {prefix}limits:account:{sid}}, read by every node. */
public final class RedisAccountLimits implements AccountLimitsStore {
    private final RedisCommands redis;
    private final String prefix;

    public RedisAccountLimits(Vertx vertx, String connectionString, String prefix) {
        // Thresholds are settings, not the request path's slot count: they get the store's patience, not the
        // limiter's fail-fast second (a first command that also opens the connection took longer on a busy machine).
        this.redis = new RedisCommands(Redis.createClient(vertx, new RedisOptions().setConnectionString(connectionString)),
                RedisStore.DEFAULT_TIMEOUT);
        this.prefix = prefix + "limits:account:";
    }

    @Override
    public Future<AccountLimits> get(String accountSid) {
        return redis.send(Request.cmd(Command.GET).arg(prefix + accountSid)).map(found -> found == null
                ? AccountLimits.none(accountSid)
                : Json.read(found.toString(), AccountLimits.class));
    }

    @Override
    public Future<Void> put(AccountLimits limits) {
        return redis.send(Request.cmd(Command.SET).arg(prefix + limits.accountSid()).arg(Json.write(limits))).mapEmpty();
    }

    public Future<Void> close() {
        return redis.close();
    }
}
