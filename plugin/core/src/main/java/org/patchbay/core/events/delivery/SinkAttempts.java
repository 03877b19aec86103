package org.patchbay.core.events.delivery;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.SinkStatus;
import org.patchbay.core.events.sink.SinkType;
import org.patchbay.core.notification.Notifications;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.events.sink.WebhookConfiguration;
import org.patchbay.core.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers events to a sink until it takes them: retried with the policy's backoff for up to its
 * {@code retryFor}, then dropped (counted, and logged as a Notification). Marks a sink {@code failed} after
 * {@code failedAfter} failures in a row and {@code active} again at its next success; it never touches a sink
 * in the Test/Validate handshake ({@code initialized}, {@code validating}).
 */
final class SinkAttempts {
    private static final Logger LOG = LoggerFactory.getLogger(SinkAttempts.class);

    private final Vertx vertx;
    private final Store store;
    private final Notifications notifications;
    private final Map<SinkType, SinkTransport> transports;
    private final DeliveryPolicy policy;
    private final DeliveryObserver observer;
    private final Map<String, Integer> failuresInARow = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();

    SinkAttempts(Vertx vertx, Store store, Notifications notifications, Map<SinkType, SinkTransport> transports, DeliveryPolicy policy,
                 DeliveryObserver observer) {
        this.vertx = vertx;
        this.store = store;
        this.notifications = notifications;
        this.transports = transports;
        this.policy = policy;
        this.observer = observer;
    }

    /** Succeeds once the sink took the events, or once they were given up and dropped; never fails. */
    Future<Void> deliver(Sink sink, String signingKey, List<RoutedEvent> events) {
        Promise<Void> done = Promise.promise();
        attempt(sink, signingKey, events, 0, System.nanoTime(), done);
        return done.future();
    }

    long dropped() {
        return dropped.get();
    }

    private void attempt(Sink sink, String signingKey, List<RoutedEvent> events, int attempt, long started, Promise<Void> done) {
        SinkTransport transport = transports.get(sink.sinkType());
        Future<Void> sent = transport == null
                ? Future.failedFuture("no " + sink.sinkType().wireName() + " delivery on this Patchbay")
                : transport.send(sink, signingKey, events);
        sent.onComplete(result -> {
            if (result.succeeded()) {
                succeeded(sink);
                observer.delivered(sink, events, Math.max(0, System.currentTimeMillis() - events.get(0).time().toEpochMilli()));
                done.complete();
                return;
            }
            failed(sink);
            observer.failed(sink, result.cause());
            if (refusedByPolicy(result.cause())) {
                refused(sink, events, result.cause());
                done.complete();
                return;
            }
            long delay = policy.backoff().delayMillis(attempt);
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            if (elapsedMillis + delay > policy.retryFor().toMillis()) {
                drop(sink, events, result.cause());
                done.complete();
                return;
            }
            LOG.debug("sink {} refused {} event(s) ({}), again in {} ms", sink.sid(), events.size(), result.cause().getMessage(), delay);
            vertx.setTimer(delay, t -> attempt(sink, signingKey, events, attempt + 1, started, done));
        });
    }

    private void drop(Sink sink, List<RoutedEvent> events, Throwable cause) {
        dropped.addAndGet(events.size());
        observer.dropped(sink, events.size());
        RoutedEvent first = events.get(0);
        notifications.error(sink.accountSid(), first.subject() != null && first.subject().startsWith("CA") ? first.subject() : null,
                ErrorCode.HTTP_RETRIEVAL_FAILURE, events.size() + " event(s) dropped after " + policy.retryFor().toMinutes()
                        + " min of failed delivery to sink " + sink.sid() + ": " + cause.getMessage(),
                Notifications.Request.NONE);
    }

    /** The policy would refuse the same address on every retry: the events are dropped at once. */
    private static boolean refusedByPolicy(Throwable cause) {
        return cause instanceof PatchbayException refusal && refusal.errorCode() == ErrorCode.OUTBOUND_REFUSED;
    }

    private void refused(Sink sink, List<RoutedEvent> events, Throwable cause) {
        dropped.addAndGet(events.size());
        observer.dropped(sink, events.size());
        RoutedEvent first = events.get(0);
        String url = sink.configuration() instanceof WebhookConfiguration webhook ? webhook.target().toString() : null;
        notifications.error(sink.accountSid(), first.subject() != null && first.subject().startsWith("CA") ? first.subject() : null,
                ErrorCode.OUTBOUND_REFUSED, events.size() + " event(s) for sink " + sink.sid() + " dropped, not sent"
                        + (url == null ? "" : " to " + url) + ": " + cause.getMessage(),
                url == null ? Notifications.Request.NONE : new Notifications.Request(url, "POST", Map.of(), null, null));
    }

    private void succeeded(Sink sink) {
        Integer before = failuresInARow.remove(sink.sid());
        if (before != null && before >= policy.failedAfter()) {
            setStatus(sink.sid(), SinkStatus.failed, SinkStatus.active);
        }
    }

    private void failed(Sink sink) {
        int now = failuresInARow.merge(sink.sid(), 1, Integer::sum);
        if (now == policy.failedAfter()) {
            setStatus(sink.sid(), SinkStatus.active, SinkStatus.failed);
        }
    }

    /** Reads the sink again first, so a change made meanwhile (a rename, a new test) is kept. */
    private void setStatus(String sinkSid, SinkStatus from, SinkStatus to) {
        store.of(Sink.KIND).get(sinkSid).compose(current -> current != null && current.status() == from
                        ? store.of(Sink.KIND).put(current.withStatus(to, Instant.now()))
                        : Future.succeededFuture())
                .onSuccess(v -> LOG.info("sink {}: {}", sinkSid, to))
                .onFailure(e -> LOG.warn("could not mark sink {} {}: {}", sinkSid, to, e.getMessage()));
    }
}
