package org.patchbay.core.node;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.List;

/**
 * Which nodes sharing a store are alive, and the calls each runs. A node renews its heartbeat well
 * within {@code expiry}; once a heartbeat expires, the surviving nodes settle the silent node's
 * calls, each call by exactly one of them ({@link #claim}).
 */
public interface NodeLiveness {

    /** Says {@code node} is alive for {@code expiry} more. */
    Future<Void> beat(String node, Duration expiry);

    /** A call now runs on {@code node}. */
    Future<Void> track(String node, TrackedCall call);

    /** The call ended on its node (settled there, with its own callbacks). */
    Future<Void> untrack(String node, String callSid);

    /** Nodes whose heartbeat has expired, with their last beat. */
    Future<List<SilentNode>> silent();

    /** The SIDs of the calls {@code node} still runs, as far as the store knows. */
    Future<List<String>> trackedCalls(String node);

    /**
     * Takes the settlement of one call of a silent node: answers the tracked call to the one caller
     * that wins, and null to every other caller, or when the node beats again.
     */
    Future<TrackedCall> claim(String node, String callSid);

    /** Forgets a silent node that has no call left (a node that beats again is kept). */
    Future<Void> forget(String node);

    Future<Void> close();
}
