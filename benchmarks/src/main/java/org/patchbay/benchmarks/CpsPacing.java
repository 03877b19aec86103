package org.patchbay.benchmarks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code CallsPerSecond} across nodes: two sandbox Patchbays pacing one account in one Redis, each
 * sent half of the calls at once through the REST API; each call's {@code initiated} status callback
 * reaches a local server, whose arrival times are the starts measured.
 */
final class CpsPacing {
    private CpsPacing() {
    }

    /**
     * @param perSecond   starts per second over the run (first to last)
     * @param busiestSecond most starts in any one-second window
     */
    record Result(int calls, double perSecond, long busiestSecond, List<Long> perSecondBuckets) {
    }

    static Result measure(Vertx vertx, Path jar, Path runDir, String redisUrl, int rate, int callsPerNode) throws Exception {
        Map<String, Long> started = new ConcurrentHashMap<>();
        HttpServer callbacks = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String sid = formValue(body.toString(), "CallSid");
            if (sid != null) {
                started.putIfAbsent(sid, System.nanoTime());
            }
            request.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        Map<String, String> settings = Map.of("PATCHBAY_LIMIT_REDIS_URL", redisUrl, "PATCHBAY_REDIS_PREFIX", "cps-" + System.nanoTime() + ":",
                "PATCHBAY_LIMIT_CALLS_CPS", Integer.toString(rate));
        try (SandboxNode a = SandboxNode.start(vertx, jar, runDir, "patchbay-cps-a", settings, 16);
             SandboxNode b = SandboxNode.start(vertx, jar, runDir, "patchbay-cps-b", settings, 16)) {
            String form = "To=%2B15557001000&From=%2B15550001111&Twiml=" + enc("<Response><Hangup/></Response>")
                    + "&StatusCallback=" + enc("http://127.0.0.1:" + callbacks.actualPort() + "/initiated")
                    + "&StatusCallbackEvent=initiated";
            String uri = "/2010-04-01/Accounts/" + SandboxNode.ACCOUNT + "/Calls.json";
            List<Future<Integer>> created = new ArrayList<>();
            for (int i = 0; i < callsPerNode; i++) {
                created.add(a.postForm(uri, form));
                created.add(b.postForm(uri, form));
            }
            Future.all(created).await(60, TimeUnit.SECONDS);
            int calls = 2 * callsPerNode;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(calls / rate + 30);
            while (started.size() < calls && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            return summarize(new ArrayList<>(started.values()));
        } finally {
            callbacks.close();
        }
    }

    private static Result summarize(List<Long> starts) {
        Collections.sort(starts);
        long first = starts.get(0);
        double seconds = (starts.get(starts.size() - 1) - first) / 1e9;
        long busiest = 0;
        for (long from : starts) {
            busiest = Math.max(busiest, starts.stream().filter(t -> t >= from && t < from + 1_000_000_000L).count());
        }
        List<Long> buckets = new ArrayList<>();
        for (long t : starts) {
            int bucket = (int) ((t - first) / 1_000_000_000L);
            while (buckets.size() <= bucket) {
                buckets.add(0L);
            }
            buckets.set(bucket, buckets.get(bucket) + 1);
        }
        return new Result(starts.size(), (starts.size() - 1) / seconds, busiest, buckets);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String formValue(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
