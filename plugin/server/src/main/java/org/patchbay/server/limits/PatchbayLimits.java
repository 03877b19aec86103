package org.patchbay.server.limits;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.patchbay.adapters.redis.limits.RedisAccountLimits;
import org.patchbay.adapters.redis.limits.RedisLimiter;
import org.patchbay.core.events.EventPublisher;
import org.patchbay.core.limits.AccountLimitsStore;
import org.patchbay.core.limits.CallAdmission;
import org.patchbay.core.limits.CallPacer;
import org.patchbay.core.limits.GuardedLimits;
import org.patchbay.core.limits.LimitDefaults;
import org.patchbay.core.limits.LimitPolicy;
import org.patchbay.core.limits.Limiter;
import org.patchbay.core.limits.SlotReuse;
import org.patchbay.core.limits.memory.MemoryAccountLimits;
import org.patchbay.core.limits.memory.MemoryCallPacer;
import org.patchbay.core.limits.memory.MemoryLimiter;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.limits.ApiConcurrency;
import org.patchbay.server.api.limits.ApiLimits;
import org.patchbay.server.api.limits.LimitRoutes;
import org.patchbay.server.api.limits.LimitStanding;
import org.patchbay.server.config.LimitSettings;
import org.patchbay.server.config.PatchbayConfig;

/**
 * The limits of a running Patchbay: in this process without Redis, else in Redis with the
 * configured Redis-down policy around it. Gives the call router its admission, the API its step
 * and routes, and {@code /health} its report.
 */
import java.util.function.UnaryOperator;

public final class PatchbayLimits {
    private final Vertx vertx;
    private final Limiter limiter;
    private final GuardedLimits guarded;
    private final LimitPolicy policy;
    private final CallAdmission calls;
    private final RedisAccountLimits redisThresholds;

    private PatchbayLimits(Vertx vertx, Limiter limiter, CallPacer pacer, AccountLimitsStore thresholds, LimitDefaults defaults,
                           UnaryOperator<Limiter> metered) {
        this.vertx = vertx;
        this.limiter = metered.apply(limiter);
        this.guarded = limiter instanceof GuardedLimits g ? g : null;
        this.redisThresholds = thresholds instanceof RedisAccountLimits r ? r : null;
        this.policy = new LimitPolicy(defaults, thresholds);
        this.calls = new CallAdmission(vertx, policy, this.limiter, pacer);
    }

    /** @param metered wraps the limiter every admission goes through (the meters) */
    public static PatchbayLimits create(Vertx vertx, PatchbayConfig config, UnaryOperator<Limiter> metered) {
        LimitDefaults defaults = LimitSettings.from(config.settings());
        String redisUrl = LimitSettings.redisUrl(config.settings(), config.redisUrl());
        if (redisUrl == null) {
            return new PatchbayLimits(vertx, new MemoryLimiter(), new MemoryCallPacer(), new MemoryAccountLimits(), defaults, metered);
        }
        RedisLimiter redis = new RedisLimiter(vertx, redisUrl, config.redisPrefix());
        // Inside the guard: a slot is reused only while Redis answered within SlotReuse.FRESH, never one counted locally.
        GuardedLimits guarded = new GuardedLimits(new SlotReuse(vertx, redis), redis, defaults.redisDown());
        return new PatchbayLimits(vertx, guarded, guarded, new RedisAccountLimits(vertx, redisUrl, config.redisPrefix()), defaults,
                metered);
    }

    /** Limits of a single node, counted in this process. */
    public static PatchbayLimits inMemory(Vertx vertx, LimitDefaults defaults) {
        return new PatchbayLimits(vertx, new MemoryLimiter(), new MemoryCallPacer(), new MemoryAccountLimits(), defaults,
                UnaryOperator.identity());
    }

    public CallAdmission calls() {
        return calls;
    }

    /** The API's concurrency step (publishing its refusals to {@code events}) and the Limits routes. */
    public ApiLimits api(Store store, EventPublisher events) {
        return new ApiLimits(new ApiConcurrency(vertx, policy, limiter, events), new LimitRoutes(policy, standing(store)).endpoints());
    }

    /** How each account stands against its limits, for the Limits resource and the dashboard. */
    public LimitStanding standing(Store store) {
        return new LimitStanding(policy, limiter, store);
    }

    /** For {@code /health}: where slots are counted and whether that works right now. */
    public Object health() {
        JsonObject report = new JsonObject().put("limiter", guarded == null ? "memory" : "redis")
                .put("redisDown", policy.defaults().redisDown().wireName());
        if (guarded == null) {
            return report.put("state", "up");
        }
        report.put("state", guarded.state());
        if (!"up".equals(guarded.state())) {
            report.put("detail", guarded.lastFailure());
        }
        return report;
    }

    public Future<Void> close() {
        Future<Void> closed = limiter.close();
        return redisThresholds == null ? closed : closed.eventually(redisThresholds::close);
    }
}
