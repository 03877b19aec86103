package org.patchbay.core.queue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.core.conference.ConferenceServices;
import org.patchbay.core.sid.Sids;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The call queues of this node. Callers wait in order; an agent's {@code <Dial><Queue>} takes the
 * caller at the head, or waits for the next one. All queue state lives on the rooms' context;
 * callers and agents hop over and get answers back on their own contexts.
 */
public final class QueueRooms implements LiveQueues {

    /** Where a caller stands after asking to wait. */
    public record Position(String queueSid, int position, int size, int maxSize, int averageWaitSeconds) {
        public boolean full() {
            return position == 0;
        }
    }

    private record Waiting(QueueCaller caller, Instant since) {
    }

    private static final class Line {
        private Queue record;
        private final Deque<Waiting> callers = new ArrayDeque<>();
        private final Deque<QueueAgent> agents = new ArrayDeque<>();
        private long waitedSeconds;
        private int served;

        Line(Queue record) {
            this.record = record;
        }
    }

    private final ConferenceServices services;
    private final Map<String, Line> lines = new HashMap<>();

    public QueueRooms(ConferenceServices services) {
        this.services = services;
    }

    /** Puts a caller in line (or straight to an agent who is waiting). Position 0 means the queue is full. */
    public Future<Position> enqueue(String accountSid, String name, QueueCaller caller) {
        return onRooms(caller.context(), () -> line(accountSid, name).compose(line -> {
            QueueAgent agent = line.agents.poll();
            if (agent != null) {
                agent.context().runOnContext(v -> agent.matched(caller, line.record.sid()));
                return Future.succeededFuture(new Position(line.record.sid(), 1, 0, line.record.maxSize(), average(line)));
            }
            if (line.callers.size() >= line.record.maxSize()) {
                return Future.succeededFuture(new Position(line.record.sid(), 0, line.callers.size(), line.record.maxSize(), average(line)));
            }
            Instant now = Instant.now();
            line.callers.add(new Waiting(caller, now));
            services.store().of(QueueMember.KIND).put(new QueueMember(caller.callSid(), accountSid, line.record.sid(),
                    line.callers.size(), now, now));
            resized(line);
            return Future.succeededFuture(new Position(line.record.sid(), line.callers.size(), line.callers.size(),
                    line.record.maxSize(), average(line)));
        }));
    }

    /** The caller stopped waiting on its own (it left or hung up). */
    public void leave(String accountSid, String name, String callSid) {
        services.context().runOnContext(v -> {
            Line line = lines.get(Queue.key(accountSid, name));
            if (line != null && line.callers.removeIf(w -> w.caller().callSid().equals(callSid))) {
                services.store().of(QueueMember.KIND).delete(callSid);
                resized(line);
            }
        });
    }

    /** Takes the caller at the head of the line for {@code agent}, now or when one arrives. */
    public void dequeue(String accountSid, String name, QueueAgent agent) {
        services.context().runOnContext(v -> line(accountSid, name).onSuccess(line -> {
            Waiting next = line.callers.poll();
            if (next == null) {
                line.agents.add(agent);
                return;
            }
            line.waitedSeconds += Duration.between(next.since(), Instant.now()).toSeconds();
            line.served++;
            services.store().of(QueueMember.KIND).delete(next.caller().callSid());
            resized(line);
            agent.context().runOnContext(x -> agent.matched(next.caller(), line.record.sid()));
        }));
    }

    /** The agent gave up waiting (Dial timeout, or it hung up). */
    public Future<Boolean> stopWaiting(String accountSid, String name, QueueAgent agent) {
        return onRooms(agent.context(), () -> {
            Line line = lines.get(Queue.key(accountSid, name));
            return Future.succeededFuture(line != null && line.agents.remove(agent));
        });
    }

    @Override
    public Future<Queue> save(Queue queue) {
        return onRooms(asker(), () -> {
            Line line = live(queue.accountSid(), queue.sid());
            Queue saved = queue;
            if (line != null) {
                lines.remove(Queue.key(line.record.accountSid(), line.record.friendlyName()));
                line.record = queue.withSize(line.callers.size(), average(line));
                lines.put(Queue.key(queue.accountSid(), queue.friendlyName()), line);
                saved = line.record;
            }
            return services.store().of(Queue.KIND).put(saved).map(saved);
        });
    }

    @Override
    public Future<Boolean> remove(Queue queue) {
        return onRooms(asker(), () -> {
            Line line = live(queue.accountSid(), queue.sid());
            if (line != null && (!line.callers.isEmpty() || !line.agents.isEmpty())) {
                return Future.succeededFuture(false);
            }
            if (line != null) {
                lines.remove(Queue.key(line.record.accountSid(), line.record.friendlyName()));
            }
            return services.store().of(Queue.KIND).delete(queue.sid()).map(true);
        });
    }

    @Override
    public Future<QueueMember> redirect(String accountSid, String queueSid, String callSid, String url, String method) {
        return onRooms(asker(), () -> {
            Line line = live(accountSid, queueSid);
            int position = 0;
            Waiting found = null;
            for (Waiting waiting : line == null ? new ArrayDeque<Waiting>() : line.callers) {
                position++;
                if (callSid == null || waiting.caller().callSid().equals(callSid)) {
                    found = waiting;
                    break;
                }
            }
            if (found == null) {
                return Future.failedFuture(LiveQueues.notWaiting(queueSid, callSid));
            }
            line.callers.remove(found);
            services.store().of(QueueMember.KIND).delete(found.caller().callSid());
            resized(line);
            QueueCaller caller = found.caller();
            caller.context().runOnContext(v -> caller.redirected(url, method));
            return Future.succeededFuture(new QueueMember(caller.callSid(), accountSid, queueSid, position, found.since(), found.since()));
        });
    }

    private Line live(String accountSid, String queueSid) {
        return lines.values().stream()
                .filter(l -> l.record.sid().equals(queueSid) && l.record.accountSid().equals(accountSid))
                .findFirst().orElse(null);
    }

    /** The API's context, where its answer must come back. */
    private io.vertx.core.Context asker() {
        io.vertx.core.Context current = io.vertx.core.Vertx.currentContext();
        return current != null ? current : services.context();
    }

    private Future<Line> line(String accountSid, String name) {
        String key = Queue.key(accountSid, name);
        Line known = lines.get(key);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return services.store().of(Queue.KIND).findBy(Queue.BY_NAME, key).compose(stored -> {
            Line existing = lines.get(key);
            if (existing != null) {
                return Future.succeededFuture(existing);
            }
            Instant now = Instant.now();
            Queue record = stored != null ? stored.withSize(0, stored.averageWaitTime())
                    : new Queue(Sids.next(Sids.QUEUE), accountSid, name, 0, Queue.DEFAULT_MAX_SIZE, 0, now, now);
            Line line = new Line(record);
            lines.put(key, line);
            return services.store().of(Queue.KIND).put(record).map(line);
        });
    }

    /**
     * Stores the line's new size over the stored record, read again first: the REST API may have changed
     * the queue's name or MaxSize on another node, and this node's copy must not write that back.
     */
    private void resized(Line line) {
        line.record = line.record.withSize(line.callers.size(), average(line));
        services.store().of(Queue.KIND).get(line.record.sid()).onComplete(read -> services.context().runOnContext(v -> {
            Queue stored = read.succeeded() ? read.result() : null;
            if (stored != null) {
                if (!stored.friendlyName().equals(line.record.friendlyName())
                        && lines.remove(Queue.key(line.record.accountSid(), line.record.friendlyName()), line)) {
                    lines.putIfAbsent(Queue.key(stored.accountSid(), stored.friendlyName()), line);
                }
                line.record = new Queue(stored.sid(), stored.accountSid(), stored.friendlyName(), line.callers.size(),
                        stored.maxSize(), average(line), stored.dateCreated(), Instant.now());
            }
            services.store().of(Queue.KIND).put(line.record);
        }));
    }

    private static int average(Line line) {
        return line.served == 0 ? 0 : (int) (line.waitedSeconds / line.served);
    }

    /** Runs {@code work} on the rooms' context and completes on {@code back}, the asker's context. */
    private <T> Future<T> onRooms(io.vertx.core.Context back, java.util.function.Supplier<Future<T>> work) {
        Promise<T> answer = Promise.promise();
        services.context().runOnContext(v -> work.get().onComplete(done -> back.runOnContext(x -> answer.handle(done))));
        return answer.future();
    }
}
