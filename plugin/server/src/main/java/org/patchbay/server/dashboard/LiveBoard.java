package org.patchbay.server.dashboard;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.call.Cancellable;
import org.patchbay.core.events.EventFeed;
import org.patchbay.core.events.RoutedEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the dashboard shows, kept from the event router's live tail (every node's events when the
 * router's log is shared): live calls with their timelines, rates, Notifications and the nodes seen;
 * the account panels are read from the stores as they are sent ({@link PanelFeed}).
 * Everything here runs on one context of its own, so it needs no locks.
 */
final class LiveBoard {
    private static final int LISTED = 50;
    private static final String NOTIFICATIONS_LIST = "notifications";
    private static final String REJECTIONS_LIST = "rejections";
    private static final int ENDED_KEPT = 500;
    /** Changes wait this long to be written together; a quiet board sets no timer for them. */
    private static final long FLUSH_MILLIS = 250;
    private static final long TICK_MILLIS = 1000;
    /** The node list goes out with every fifth tick. */
    private static final int TICKS_PER_NODES = 5;
    /** A node with no event for this long drops off the list (a restarted node has a new name). */
    private static final long NODE_FORGOTTEN_MILLIS = 15 * 60_000;

    private final Vertx vertx;
    private final EventFeed feed;
    private final Supplier<JsonObject> thisNode;
    private final PanelFeed panels;
    private final Map<String, LiveCall> live = new LinkedHashMap<>();
    private final Map<String, LiveCall> ended = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LiveCall> eldest) {
            return size() > ENDED_KEPT;
        }
    };
    private final Map<String, ArrayDeque<JsonObject>> lists = Map.of(
            NOTIFICATIONS_LIST, new ArrayDeque<>(), REJECTIONS_LIST, new ArrayDeque<>());
    private final CallRates rates = new CallRates();
    private final Map<String, Long> nodesSeen = new HashMap<>();
    private final List<BoardStream> streams = new ArrayList<>();
    private Context context;
    private Cancellable subscription;
    private long timer = -1;
    private boolean flushPending;
    private int ticks;

    LiveBoard(Vertx vertx, EventFeed feed, Supplier<JsonObject> thisNode, PanelReader panels) {
        this.vertx = vertx;
        this.feed = feed;
        this.thisNode = thisNode;
        this.panels = new PanelFeed(panels);
    }

    void start() {
        context = vertx.getOrCreateContext();
        context.runOnContext(v -> subscription = feed.tail(this::apply));
    }

    Future<Void> stop() {
        Promise<Void> stopped = Promise.promise();
        context.runOnContext(v -> {
            if (subscription != null) {
                subscription.cancel();
            }
            streams.forEach(BoardStream::close);
            streams.clear();
            stopTimer();
            stopped.complete();
        });
        return stopped.future();
    }

    private void apply(RoutedEvent event) {
        nodesSeen.put(event.source(), System.currentTimeMillis());
        long second = event.time().getEpochSecond();
        if (event.type().name().equals(BoardEvents.NOTIFICATION)) {
            list(NOTIFICATIONS_LIST, event);
        } else if (event.type().name().equals(BoardEvents.LIMIT_REJECTED)) {
            list(REJECTIONS_LIST, event);
        }
        String sid = event.subject();
        if (sid == null || !sid.startsWith("CA")) {
            return;
        }
        LiveCall call = live.get(sid);
        if (call == null) {
            call = ended.get(sid);
        }
        if (call == null && !BoardEvents.opensCall(event)) {
            return;
        }
        if (call == null) {
            call = new LiveCall(sid, event.accountSid(), event.time());
            live.put(sid, call);
            rates.started(event.accountSid(), second);
        }
        boolean wasEnded = call.ended();
        call.apply(event, BoardEvents.summary(event));
        long fetch = BoardEvents.fetchMillis(event);
        if (fetch >= 0) {
            rates.fetched(event.accountSid(), second, fetch);
        }
        if (call.ended() && !wasEnded) {
            live.remove(sid);
            ended.put(sid, call);
            rates.ended(event.accountSid(), second, call.status().equals("completed"));
        }
        JsonObject json = call.json();
        for (BoardStream stream : streams) {
            if (stream.scope.sees(call.accountSid)) {
                stream.call(json);
                flushSoon();
            }
        }
    }

    private void flushSoon() {
        if (!flushPending) {
            flushPending = true;
            vertx.setTimer(FLUSH_MILLIS, id -> {
                flushPending = false;
                streams.forEach(BoardStream::flush);
            });
        }
    }

    /** Keeps the newest events of one list (Notifications, limit rejections) and passes them on to viewers. */
    private void list(String name, RoutedEvent event) {
        JsonObject json = new JsonObject(new LinkedHashMap<>(event.data())).put("accountSid", event.accountSid())
                .put("time", event.time().toEpochMilli()).put("node", event.source());
        ArrayDeque<JsonObject> list = lists.get(name);
        list.addFirst(json);
        if (list.size() > LISTED) {
            list.removeLast();
        }
        for (BoardStream stream : streams) {
            if (stream.scope.sees(event.accountSid())) {
                stream.listed(name, json);
                flushSoon();
            }
        }
    }

    /** Starts a viewer's stream with everything it may see now; changes follow a few times a second. */
    void open(Scope scope, HttpServerResponse response) {
        context.runOnContext(v -> {
            BoardStream stream = new BoardStream(scope, response);
            response.closeHandler(closed -> context.runOnContext(c -> streams.remove(stream)));
            streams.add(stream);
            stream.send("snapshot", snapshot(scope));
            panels.opened(stream);
            if (timer < 0) {
                timer = vertx.setPeriodic(TICK_MILLIS, id -> tick());
            }
        });
    }

    private JsonObject snapshot(Scope scope) {
        long now = System.currentTimeMillis();
        long second = now / 1000;
        JsonArray calls = new JsonArray();
        live.values().stream().filter(c -> scope.sees(c.accountSid)).forEach(c -> calls.add(c.json()));
        JsonObject snapshot = new JsonObject()
                .put("viewer", new JsonObject().put("accountSid", scope.accountSid()).put("everything", scope.everything()))
                .put("now", now).put("calls", calls);
        lists.forEach((name, list) -> {
            JsonArray visible = new JsonArray();
            list.stream().filter(entry -> scope.sees(entry.getString("accountSid"))).forEach(visible::add);
            snapshot.put(name, visible);
        });
        return snapshot
                .put("rates", rates.rows(scope, second - CallRates.SECONDS, second - 1)).put("nodes", nodes(now));
    }

    /** Once a second: the last second's rates to every viewer, the nodes now and then; drops viewers that fell behind. */
    private void tick() {
        boolean withNodes = ++ticks % TICKS_PER_NODES == 0;
        long now = System.currentTimeMillis();
        long second = now / 1000 - 1;
        JsonArray nodes = withNodes ? nodes(now) : null;
        for (Iterator<BoardStream> it = streams.iterator(); it.hasNext(); ) {
            BoardStream stream = it.next();
            if (stream.choked()) {
                stream.close();
                it.remove();
                continue;
            }
            JsonObject tick = new JsonObject().put("now", now).put("rate", rates.rows(stream.scope, second, second).getJsonArray(0));
            stream.send("tick", withNodes ? tick.put("nodes", nodes) : tick);
        }
        if (streams.isEmpty()) {
            stopTimer();
        } else if (ticks % PanelFeed.TICKS_PER_PANELS == 0) {
            panels.refresh(streams);
        }
    }

    private void stopTimer() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private JsonArray nodes(long now) {
        nodesSeen.values().removeIf(seen -> now - seen > NODE_FORGOTTEN_MILLIS);
        JsonObject self = thisNode.get();
        JsonArray nodes = new JsonArray().add(self);
        nodesSeen.forEach((node, seen) -> {
            if (!node.equals(self.getString("node"))) {
                nodes.add(new JsonObject().put("node", node).put("lastEventMillisAgo", now - seen));
            }
        });
        return nodes;
    }

    /** A call's state and timeline, if the viewer may see it and the board still remembers it. */
    Future<JsonObject> call(Scope scope, String sid) {
        Promise<JsonObject> found = Promise.promise();
        context.runOnContext(v -> {
            LiveCall call = live.containsKey(sid) ? live.get(sid) : ended.get(sid);
            found.complete(call != null && scope.sees(call.accountSid) ? call.withTimeline() : null);
        });
        return found.future();
    }
}
