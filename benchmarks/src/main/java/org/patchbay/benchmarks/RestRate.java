package org.patchbay.benchmarks;

import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * REST requests per second with the API concurrency limiter on (counted in Redis) and off, on the
 * same sandbox Patchbay jar: {@code clients} loops fetching the account, as fast as answers come.
 */
final class RestRate {
    private static final String URI = "/2010-04-01/Accounts/" + SandboxNode.ACCOUNT + ".json";

    private RestRate() {
    }

    /** One measurement: requests per second and Patchbay's CPU ms per request. */
    record Run(double perSecond, double cpuPerRequest) {
    }

    static Run measure(Vertx vertx, Path jar, Path runDir, String name, Map<String, String> settings, int clients,
                       Duration duration) throws Exception {
        try (SandboxNode node = SandboxNode.start(vertx, jar, runDir, name, settings, clients)) {
            AtomicLong answered = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            vertx.runOnContext(v -> {
                for (int i = 0; i < clients; i++) {
                    loop(node, answered, failed, running);
                }
            });
            // The first seconds run interpreted: the rate still doubles over the first 20 s of a fresh JVM.
            Thread.sleep(20_000);
            long before = answered.get();
            double cpuBefore = node.cpuMillis();
            long start = System.nanoTime();
            Thread.sleep(duration.toMillis());
            long count = answered.get() - before;
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = node.cpuMillis() - cpuBefore;
            running.set(false);
            Thread.sleep(500);
            if (failed.get() > 0) {
                throw new IllegalStateException(name + ": " + failed.get() + " requests were not answered 200");
            }
            return new Run(count / seconds, cpu / count);
        }
    }

    private static void loop(SandboxNode node, AtomicLong answered, AtomicLong failed, AtomicBoolean running) {
        node.get(URI).onComplete(done -> {
            if (done.succeeded() && done.result() == 200) {
                answered.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
            if (running.get()) {
                loop(node, answered, failed, running);
            }
        });
    }
}
