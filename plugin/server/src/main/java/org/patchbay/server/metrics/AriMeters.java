package org.patchbay.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.patchbay.adapters.ari.AriConnection;
import org.patchbay.core.telephony.TelephonyStatus;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The ARI link's meters: each REST request's time and errors, and the link's state (1 for the state it is in). */
public final class AriMeters {
    /** From a loopback Asterisk's sub-millisecond answers to a struggling one's seconds. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(5)};

    private final MeterRegistry registry;

    public AriMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void watch(AriConnection ari) {
        for (TelephonyStatus.State state : TelephonyStatus.State.values()) {
            Gauge.builder("patchbay.ari.link", ari, a -> a.status().state() == state ? 1 : 0)
                    .description("the ARI link's state: 1 for the state it is in").tag("state", state.wireName())
                    .register(registry);
        }
        ari.observeRequests(this::ended);
    }

    private void ended(String method, String resource, int status, long nanos) {
        String outcome = status == 0 ? "unreachable" : status / 100 + "xx";
        Timer.builder("patchbay.ari.request.duration").description("ARI REST requests to Asterisk")
                .tag("method", method).tag("resource", resource).tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS).register(registry).record(nanos, TimeUnit.NANOSECONDS);
        if (status < 200 || status >= 300) {
            Counter.builder("patchbay.ari.request.errors").description("ARI requests that failed or were refused")
                    .tag("method", method).tag("resource", resource).tag("outcome", outcome)
                    .register(registry).increment();
        }
    }
}
