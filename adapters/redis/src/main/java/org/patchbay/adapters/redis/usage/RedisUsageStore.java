package org.patchbay.adapters.redis.usage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import org.patchbay.adapters.redis.LuaScript;
import org.patchbay.adapters.redis.RedisCommands;
import org.patchbay.core.json.Json;
import org.patchbay.core.usage.Firing;
import org.patchbay.core.usage.Increment;
import org.patchbay.core.usage.Tally;
import org.patchbay.core.usage.UsageDelta;
import org.patchbay.core.usage.UsageStore;
import org.patchbay.core.usage.UsageTrigger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Usage counters and triggers shared by every node on one Redis, under {@code {prefix}usage:}. Counting
 * an event, checking the triggers watching its categories and claiming their firings is one Lua script
 * ({@code record.lua} beside this class), so two nodes counting at once cannot both fire a trigger.
 * The module README lists the keys.
 */
public final class RedisUsageStore implements UsageStore {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** Commands awaiting their replies on one pipelined connection (see {@link org.patchbay.adapters.redis.RedisCommands}). */
    private static final int WAITING = 4096;

    static final LuaScript RECORD = LuaScript.resource(RedisUsageStore.class, "record.lua");
    private static final LuaScript READ = LuaScript.resource(RedisUsageStore.class, "read.lua");
    private static final LuaScript PUT_TRIGGER = LuaScript.resource(RedisUsageStore.class, "put_trigger.lua");
    private static final LuaScript DELETE_TRIGGER = LuaScript.resource(RedisUsageStore.class, "delete_trigger.lua");
    private static final LuaScript GET_TRIGGERS = LuaScript.resource(RedisUsageStore.class, "get_triggers.lua");

    private final RedisCommands redis;
    private final String base;
    private final Duration dedupWindow;

    public RedisUsageStore(Vertx vertx, String connectionString, String prefix, Duration dedupWindow) {
        RedisOptions options = new RedisOptions().setConnectionString(connectionString)
                .setMaxWaitingHandlers(WAITING);
        options.getNetClientOptions().setConnectTimeout((int) DEFAULT_TIMEOUT.toMillis());
        this.redis = new RedisCommands(Redis.createClient(vertx, options), DEFAULT_TIMEOUT);
        this.base = prefix + "usage:";
        this.dedupWindow = dedupWindow;
    }

    /** The counting script, for a benchmark to feed the same source to Redis. */
    public static String recordScript() {
        return RECORD.source();
    }

    /** The script's arguments for {@code delta}: what {@code record.lua} documents. */
    public static List<String> recordArguments(String base, UsageDelta delta, Duration dedupWindow) {
        List<String> args = new ArrayList<>();
        args.add(base);
        args.add(delta.eventId());
        args.add(Long.toString(Math.max(1, dedupWindow.toSeconds())));
        args.add(Long.toString(delta.at().toEpochMilli()));
        args.add(Integer.toString(delta.scopes().size()));
        for (UsageDelta.Scope scope : delta.scopes()) {
            args.add(scope.accountSid());
            args.add(scope.counters());
            args.add(scope.checksTriggers() ? "1" : "0");
            args.addAll(scope.buckets());
        }
        args.add(Integer.toString(delta.increments().size()));
        for (Increment increment : delta.increments()) {
            args.add(increment.category());
            args.add(Long.toString(increment.amount().count()));
            args.add(Long.toString(increment.amount().usage()));
            args.add(Long.toString(increment.amount().priceMicros()));
        }
        return args;
    }

    @Override
    public Future<List<Firing>> record(UsageDelta delta) {
        return redis.eval(RECORD, List.of(), recordArguments(base, delta, dedupWindow)).map(reply -> {
            List<Firing> firings = new ArrayList<>();
            for (int i = 0; i + 3 < reply.size(); i += 4) {
                firings.add(new Firing(reply.get(i).toString(), reply.get(i + 1).toString(), reply.get(i + 2).toString(),
                        reply.get(i + 3).toLong()));
            }
            return firings;
        });
    }

    @Override
    public Future<Map<String, Tally>> read(String counters, List<String> buckets) {
        List<String> args = new ArrayList<>(buckets.size() + 2);
        args.add(base);
        args.add(counters);
        args.addAll(buckets);
        return redis.eval(READ, List.of(), args).map(reply -> {
            Map<String, Tally> sum = new HashMap<>();
            for (Response bucket : reply) {
                for (int i = 0; i + 1 < bucket.size(); i += 2) {
                    String field = bucket.get(i).toString();
                    int bar = field.lastIndexOf('|');
                    sum.merge(field.substring(0, bar), tally(field.charAt(bar + 1), bucket.get(i + 1).toLong()), Tally::plus);
                }
            }
            return sum;
        });
    }

    private static Tally tally(char field, long value) {
        return switch (field) {
            case 'c' -> new Tally(value, 0, 0);
            case 'u' -> new Tally(0, value, 0);
            default -> new Tally(0, 0, value);
        };
    }

    @Override
    public Future<Void> putTrigger(UsageTrigger trigger) {
        UsageTrigger stored = trigger.firedAt(null);
        String watch = base + "w:" + trigger.accountSid() + ":" + trigger.category();
        String entry = trigger.watchedField() + "|" + trigger.threshold() + "|" + (trigger.watchedPeriod().ordinal() + 1)
                + "|" + (trigger.recurring() == null ? "0" : "1");
        return redis.eval(PUT_TRIGGER, List.of(), List.of(base, trigger.sid(), trigger.accountSid(), Json.write(stored),
                Long.toString(trigger.dateCreated().toEpochMilli()), watch, entry)).mapEmpty();
    }

    @Override
    public Future<UsageTrigger> trigger(String sid) {
        return triggersBy("sid", sid).map(found -> found.isEmpty() ? null : found.get(0));
    }

    @Override
    public Future<List<UsageTrigger>> triggers(String accountSid) {
        return triggersBy("account", accountSid);
    }

    private Future<List<UsageTrigger>> triggersBy(String by, String value) {
        return redis.eval(GET_TRIGGERS, List.of(), List.of(base, by, value)).map(reply -> {
            List<UsageTrigger> triggers = new ArrayList<>();
            for (int i = 0; i + 1 < reply.size(); i += 2) {
                UsageTrigger trigger = Json.read(reply.get(i).toString(), UsageTrigger.class);
                Response firedAt = reply.get(i + 1);
                triggers.add(firedAt == null ? trigger : trigger.firedAt(Instant.ofEpochMilli(firedAt.toLong())));
            }
            return triggers;
        });
    }

    @Override
    public Future<Boolean> deleteTrigger(String sid) {
        return redis.eval(DELETE_TRIGGER, List.of(), List.of(base, sid)).map(reply -> reply.toInteger() == 1);
    }

    @Override
    public Future<Void> close() {
        return redis.close();
    }
}
