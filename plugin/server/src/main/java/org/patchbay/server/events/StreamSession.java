package org.patchbay.server.events;

import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import org.patchbay.core.call.Cancellable;
import org.patchbay.core.events.EventLog;
import org.patchbay.core.events.RoutedEvent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One live stream: what the log still holds after {@code since} first, then every new event the filter admits,
 * one structured CloudEvent per text message. A consumer that lets more than the write queue's bound pile up is
 * closed with {@link #TOO_SLOW}, so a stalled client never costs more memory than that bound.
 * Runs on the WebSocket's context.
 */
final class StreamSession {
    /** Close code (private range) for a consumer that does not keep up. */
    static final short TOO_SLOW = 4008;
    private static final int REPLAY_PAGE = 500;

    private final ServerWebSocket socket;
    private final EventLog log;
    private final SharedEncoding encoding;
    private final StreamFilter filter;
    private final List<RoutedEvent> heldDuringReplay = new ArrayList<>();
    private Set<String> replayed;
    private Cancellable tail;
    private boolean closed;

    StreamSession(ServerWebSocket socket, EventLog log, SharedEncoding encoding, StreamFilter filter, int maxQueuedBytes) {
        this.socket = socket;
        this.log = log;
        this.encoding = encoding;
        this.filter = filter;
        socket.setWriteQueueMaxSize(maxQueuedBytes);
    }

    /** Replays after {@code since} (null: live only), then goes live. */
    void start(String since) {
        socket.closeHandler(v -> stop());
        socket.exceptionHandler(e -> stop());
        socket.handler(ignoredIncoming -> { });
        replayed = since == null ? null : new HashSet<>();
        tail = log.tail(this::live);
        if (since != null) {
            replay(since);
        }
    }

    private void replay(String after) {
        log.after(after, REPLAY_PAGE).onComplete(page -> {
            if (closed) {
                return;
            }
            if (page.failed()) {
                socket.close((short) 1008, "since: " + page.cause().getMessage());
                return;
            }
            for (RoutedEvent event : page.result()) {
                replayed.add(event.id());
                send(event);
            }
            if (page.result().size() == REPLAY_PAGE) {
                replay(page.result().get(REPLAY_PAGE - 1).id());
                return;
            }
            Set<String> done = replayed;
            replayed = null;
            heldDuringReplay.stream().filter(e -> !done.contains(e.id())).forEach(this::send);
            heldDuringReplay.clear();
        });
    }

    private void live(RoutedEvent event) {
        if (replayed != null) {
            if (filter.admits(event)) {
                heldDuringReplay.add(event);
            }
            return;
        }
        send(event);
    }

    private void send(RoutedEvent event) {
        if (closed || !filter.admits(event)) {
            return;
        }
        if (socket.writeQueueFull()) {
            closed = true;
            tail.cancel();
            socket.close(TOO_SLOW, "consumer too slow: events were dropped, reconnect with since=<last id>");
            return;
        }
        Future<Void> written = socket.writeTextMessage(encoding.structured(event));
        written.onFailure(e -> stop());
    }

    private void stop() {
        closed = true;
        if (tail != null) {
            tail.cancel();
        }
    }
}
