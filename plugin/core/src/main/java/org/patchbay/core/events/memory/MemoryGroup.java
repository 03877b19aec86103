package org.patchbay.core.events.memory;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.core.events.EventHandling;
import org.patchbay.core.call.Cancellable;
import org.patchbay.core.events.Backoff;
import org.patchbay.core.events.OrderedDelivery;
import org.patchbay.core.events.RoutedEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One consumer group of the memory log. On a single node there is nothing to share, so one member reads
 * at a time; when it leaves, the next one starts again from the oldest event the first had not finished.
 * At most {@link #WINDOW} events are in a member's hands at once, the rest wait in the log.
 */
final class MemoryGroup {
    static final int WINDOW = 1_000;
    private static final Backoff RETRY = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));

    private final Vertx vertx;
    private final MemoryEventLog log;
    private final List<Member> members = new ArrayList<>();
    private final TreeSet<Long> inFlight = new TreeSet<>();
    private long read;

    MemoryGroup(Vertx vertx, MemoryEventLog log, long start) {
        this.vertx = vertx;
        this.log = log;
        this.read = start;
    }

    synchronized Cancellable join(Context context, Function<RoutedEvent, EventHandling> handler) {
        Member member = new Member(context, handler);
        members.add(member);
        if (members.size() == 1) {
            member.wake();
        }
        return () -> leave(member);
    }

    void wake() {
        Member active;
        synchronized (this) {
            active = members.isEmpty() ? null : members.get(0);
        }
        if (active != null) {
            active.wake();
        }
    }

    synchronized void stop() {
        members.forEach(member -> member.context.runOnContext(v -> member.delivery.stop()));
        members.clear();
    }

    private void leave(Member member) {
        Member successor;
        synchronized (this) {
            boolean wasActive = !members.isEmpty() && members.get(0) == member;
            if (!members.remove(member)) {
                return;
            }
            if (wasActive && !inFlight.isEmpty()) {
                read = inFlight.first();
            }
            if (wasActive) {
                inFlight.clear();
            }
            successor = wasActive && !members.isEmpty() ? members.get(0) : null;
        }
        member.context.runOnContext(v -> member.delivery.stop());
        if (successor != null) {
            successor.wake();
        }
    }

    /** The next event for {@code member}, or null when it is not the reader or has read everything. */
    private synchronized RoutedEvent take(Member member) {
        if (members.isEmpty() || members.get(0) != member || read >= log.end()) {
            return null;
        }
        read = Math.max(read, log.start());
        RoutedEvent event = log.at(read);
        if (event != null) {
            inFlight.add(read);
            read++;
        }
        return event;
    }

    private synchronized void finished(RoutedEvent event) {
        inFlight.remove(log.offsetOf(event.id()));
    }

    private final class Member {
        private final Context context;
        private final OrderedDelivery delivery;
        private boolean scheduled;

        Member(Context context, Function<RoutedEvent, EventHandling> handler) {
            this.context = context;
            this.delivery = new OrderedDelivery(vertx, context, handler, this::done, RETRY);
        }

        void wake() {
            synchronized (this) {
                if (scheduled) {
                    return;
                }
                scheduled = true;
            }
            context.runOnContext(v -> pump());
        }

        private void pump() {
            synchronized (this) {
                scheduled = false;
            }
            while (delivery.pending() < WINDOW) {
                RoutedEvent event = take(this);
                if (event == null) {
                    return;
                }
                delivery.offer(event);
            }
        }

        private void done(RoutedEvent event) {
            finished(event);
            pump();
        }
    }
}
