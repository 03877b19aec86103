package org.patchbay.testkit.telephony;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.patchbay.core.telephony.TelephonyEvent;
import org.patchbay.core.telephony.TelephonyException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What {@link MemoryTelephony} does for every request and event, whatever it is about: events delivered on one
 * context (and a channel's end marked a hop later), replies on the requester's context a hop later, and every
 * request logged, those after a channel's known end kept apart.
 */
abstract class PbxPlumbing {
    final Map<String, MemoryCall> channels = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final Context events;
    private final List<PbxCommand> commands = new CopyOnWriteArrayList<>();
    private final List<PbxCommand> late = new CopyOnWriteArrayList<>();
    private volatile Handler<TelephonyEvent> handler = event -> { };

    PbxPlumbing(Vertx vertx, Context events) {
        this.vertx = vertx;
        this.events = events;
    }

    public List<PbxCommand> commands() {
        return List.copyOf(commands);
    }

    public List<PbxCommand> commands(String verb) {
        return commands.stream().filter(c -> c.verb().equals(verb)).toList();
    }

    /** Requests about a channel, playback or recording made after Patchbay had been told the channel ended. */
    public List<PbxCommand> lateCommands() {
        return List.copyOf(late);
    }

    void emit(TelephonyEvent event) {
        events.runOnContext(v -> {
            handler.handle(event);
            boolean end = event instanceof TelephonyEvent.StasisEnded || event instanceof TelephonyEvent.ChannelDestroyed;
            MemoryCall call = channels.get(event.key());
            if (end && call != null) {
                // One hop more: the session has handled the end by then, so what it asks later is late.
                later(call::endDelivered);
            }
        });
    }

    void later(Runnable action) {
        events.runOnContext(v -> action.run());
    }

    void after(long millis, Runnable action) {
        vertx.setTimer(millis, id -> later(action));
    }

    Future<Void> onChannel(String verb, String channelId, String detail, Runnable effect) {
        MemoryCall call = channels.get(channelId);
        log(verb, channelId, detail, call != null && call.endKnown());
        if (call == null || call.gone()) {
            return reply(Future.failedFuture(new TelephonyException(404, "Channel not found")));
        }
        later(effect);
        return reply(Future.succeededFuture());
    }

    void log(String verb, String target, String detail, boolean afterHangup) {
        PbxCommand command = new PbxCommand(verb, target, detail == null ? "" : detail);
        commands.add(command);
        if (afterHangup) {
            late.add(command);
        }
        channels.values().forEach(call -> call.hangsUpAt(verb));
    }

    /** Completes on the requester's context, a hop later: no reply overtakes the request's own effects. */
    <T> Future<T> reply(Future<T> outcome) {
        Context caller = vertx.getOrCreateContext();
        Promise<T> replied = Promise.promise();
        caller.runOnContext(v -> outcome.onComplete(replied));
        return replied.future();
    }

    public void onEvent(Handler<TelephonyEvent> handler) {
        this.handler = handler;
    }
}
