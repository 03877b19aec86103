package org.patchbay.adapters.redis.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.patchbay.core.node.SilentNode;
import org.patchbay.core.node.TrackedCall;
import org.patchbay.testkit.SharedRedis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Heartbeats expire, and of several nodes claiming one silent node's call exactly one gets it. */
class RedisNodeLivenessIT {
    @RegisterExtension
    static final SharedRedis REDIS = new SharedRedis();

    private static final TrackedCall CALL = new TrackedCall("CA" + "1".repeat(32), "AC" + "2".repeat(32),
            "http://127.0.0.1:9/status", "POST", Set.of("completed"));

    Vertx vertx;
    List<RedisNodeLiveness> nodes = new ArrayList<>();
    String prefix;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        prefix = "liveness-" + UUID.randomUUID() + ":";
    }

    @AfterEach
    void stop() {
        nodes.forEach(node -> await(node.close()));
        await(vertx.close());
    }

    private RedisNodeLiveness node() {
        RedisNodeLiveness node = new RedisNodeLiveness(vertx, REDIS.url(), prefix, Duration.ofSeconds(5));
        nodes.add(node);
        return node;
    }

    @Test
    void aNodeIsSilentOnceItsHeartbeatExpiresWithItsLastBeat() throws InterruptedException {
        RedisNodeLiveness liveness = node();
        Instant before = Instant.now().minusSeconds(1);
        await(liveness.beat("a", Duration.ofMillis(300)));
        await(liveness.beat("b", Duration.ofSeconds(30)));
        assertEquals(List.of(), await(liveness.silent()));

        Thread.sleep(400);
        List<SilentNode> silent = await(liveness.silent());
        assertEquals(List.of("a"), silent.stream().map(SilentNode::node).toList());
        assertTrue(silent.get(0).lastBeat().isAfter(before) && silent.get(0).lastBeat().isBefore(Instant.now().plusSeconds(1)),
                "last beat " + silent.get(0).lastBeat());
    }

    @Test
    void ofNodesRacingToSettleACallExactlyOneGetsIt() throws InterruptedException {
        RedisNodeLiveness dead = node();
        await(dead.beat("dead", Duration.ofMillis(100)));
        await(dead.track("dead", CALL));
        Thread.sleep(200);

        List<Future<TrackedCall>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claims.add(node().claim("dead", CALL.callSid()));
        }
        await(Future.join(claims));
        List<TrackedCall> won = claims.stream().map(Future::result).filter(Objects::nonNull).toList();
        assertEquals(List.of(CALL), won);
        assertEquals(List.of(), await(dead.trackedCalls("dead")));
    }

    @Test
    void aBeatingNodesCallsCannotBeClaimed() {
        RedisNodeLiveness liveness = node();
        await(liveness.beat("alive", Duration.ofSeconds(30)));
        await(liveness.track("alive", CALL));
        assertNull(await(node().claim("alive", CALL.callSid())));
        assertEquals(List.of(CALL.callSid()), await(liveness.trackedCalls("alive")));

        await(liveness.untrack("alive", CALL.callSid()));
        assertEquals(List.of(), await(liveness.trackedCalls("alive")));
    }

    @Test
    void aSilentNodeIsForgottenOnlyOnceItHasNoCallLeft() throws InterruptedException {
        RedisNodeLiveness liveness = node();
        await(liveness.beat("gone", Duration.ofMillis(100)));
        await(liveness.track("gone", CALL));
        Thread.sleep(200);

        await(liveness.forget("gone"));
        assertEquals(List.of("gone"), await(liveness.silent()).stream().map(SilentNode::node).toList(), "a call is left");
        assertEquals(CALL, await(liveness.claim("gone", CALL.callSid())));
        await(liveness.forget("gone"));
        assertEquals(List.of(), await(liveness.silent()));
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
