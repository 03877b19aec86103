package org.patchbay.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.events.CallStatusChanged;
import org.patchbay.core.events.InstructionFetched;
import org.patchbay.core.events.LimitRejected;
import org.patchbay.core.events.LocalEvents;
import org.patchbay.core.events.NotificationLogged;
import org.patchbay.core.events.PlatformEvent;
import org.patchbay.core.events.PresenceChanged;
import org.patchbay.core.events.UsageTriggerFired;
import org.patchbay.core.notification.Notification;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Meters counted from the events this node publishes in-process: live calls per account, finished
 * calls by direction and status, instruction fetches by outcome, limit rejections, usage trigger
 * firings, client devices by presence status, notifications.
 */
public final class EventMeters {
    /** Where an instruction fetch's time falls: from a fast local app to Patchbay's 15 s limit. */
    private static final Duration[] FETCH_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15)};

    private final MeterRegistry registry;
    /** Touched only by the consumer's context. */
    private final Set<String> live = new HashSet<>();
    private final Map<String, AtomicInteger> activePerAccount = new ConcurrentHashMap<>();
    private static final String OFFLINE = "offline";
    /** Touched only by the consumer's context. */
    private final Map<String, String> devices = new HashMap<>();
    private final Map<String, AtomicInteger> devicesByStatus = new ConcurrentHashMap<>();
    private MessageConsumer<Object> consumer;

    public EventMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void listen(Vertx vertx) {
        consumer = vertx.eventBus().localConsumer(LocalEvents.ADDRESS, message -> {
            if (message.body() instanceof PlatformEvent event) {
                count(event);
            }
        });
    }

    public void stop() {
        if (consumer != null) {
            consumer.unregister();
        }
    }

    void count(PlatformEvent event) {
        if (event instanceof CallStatusChanged status) {
            track(status.call());
        } else if (event instanceof InstructionFetched fetch) {
            Timer.builder("patchbay.instruction.fetch.duration")
                    .description("time to fetch a call's instructions from its application")
                    .tag("outcome", fetch.failed() ? "failure" : "success")
                    .tag("error_code", fetch.errorCode() == null ? "" : String.valueOf(fetch.errorCode()))
                    .serviceLevelObjectives(FETCH_BUCKETS)
                    .register(registry).record(Duration.ofMillis(fetch.durationMillis()));
        } else if (event instanceof LimitRejected rejected) {
            Counter.builder("patchbay.limit.rejections").description("requests and calls refused at a limit")
                    .tag("limit", rejected.limit()).register(registry).increment();
        } else if (event instanceof UsageTriggerFired fired) {
            Counter.builder("patchbay.usage.trigger.firings").description("usage triggers fired")
                    .tag("usage_category", fired.parameters().getOrDefault("UsageCategory", ""))
                    .register(registry).increment();
        } else if (event instanceof PresenceChanged changed) {
            present(changed);
        } else if (event instanceof NotificationLogged logged) {
            Counter.builder("patchbay.notifications").description("Notifications logged (application errors and warnings)")
                    .tag("level", logged.notification().log() == Notification.ERROR ? "error" : "warning")
                    .tag("error_code", String.valueOf(logged.notification().errorCode()))
                    .register(registry).increment();
        }
    }

    private void track(CallRecord call) {
        if (call.status().isFinal()) {
            if (live.remove(call.sid())) {
                active(call.accountSid()).decrementAndGet();
            }
            Counter.builder("patchbay.calls").description("calls ended, by direction and final status")
                    .tag("direction", call.direction().toString())
                    .tag("status", call.status().wire())
                    .register(registry).increment();
        } else if (live.add(call.sid())) {
            active(call.accountSid()).incrementAndGet();
        }
    }

    /** Devices by status, as this node's presence changes leave them; an offline device is gone. */
    private void present(PresenceChanged changed) {
        String device = changed.accountSid() + '\n' + changed.identity() + '\n' + changed.device();
        String was = changed.newStatus().equals(OFFLINE) ? devices.remove(device) : devices.put(device, changed.newStatus());
        if (was != null) {
            devicesIn(was).decrementAndGet();
        }
        if (!changed.newStatus().equals(OFFLINE)) {
            devicesIn(changed.newStatus()).incrementAndGet();
        }
    }

    private AtomicInteger devicesIn(String status) {
        return devicesByStatus.computeIfAbsent(status, name -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder("patchbay.presence.devices", count, AtomicInteger::get)
                    .description("client devices by presence status, as this node's presence changes leave them")
                    .tag("status", name).register(registry);
            return count;
        });
    }

    private AtomicInteger active(String accountSid) {
        return activePerAccount.computeIfAbsent(accountSid, sid -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder("patchbay.calls.active", count, AtomicInteger::get)
                    .description("calls in progress on this node").tag("account", sid).register(registry);
            return count;
        });
    }
}
