package org.patchbay.benchmarks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code CallsPerSecond} across nodes: two sandbox Patchbays pacing one account in one Redis, each
 * sent half of the calls at once through the REST API, after a warm-up round of 20 calls each. A call's
 * start is when its node's simulated Asterisk received the originate ({@code POST /ari/channels/{id}}, from the simulator's request log).
 */
final class CpsPacing {
    private static final String ORIGINATE = "/channels/[^/]+";
    private static final int WARM_UP_CALLS_PER_NODE = 20;

    private CpsPacing() {
    }

    /** @param busiestSecond most starts in any one-second window */
    record Result(int calls, double perSecond, long busiestSecond, List<Long> perSecondBuckets) {
    }

    static Result measure(Vertx vertx, Path jar, Path runDir, String redisUrl, int rate, int callsPerNode) throws Exception {
        Map<String, String> settings = Map.of("PATCHBAY_LIMIT_REDIS_URL", redisUrl, "PATCHBAY_REDIS_PREFIX", "cps-" + System.nanoTime() + ":",
                "PATCHBAY_LIMIT_CALLS_CPS", Integer.toString(rate));
        HttpClientAgent http = vertx.createHttpClient();
        io.vertx.core.Context context = vertx.getOrCreateContext();
        try (SandboxNode a = SandboxNode.start(vertx, jar, runDir, "patchbay-cps-a", settings, 16);
             SandboxNode b = SandboxNode.start(vertx, jar, runDir, "patchbay-cps-b", settings, 16)) {
            // Fresh JVMs reserve slowly while they compile the call path: a first round warms both nodes up.
            Set<String> warmUp = round(context, http, a, b, rate, WARM_UP_CALLS_PER_NODE, Set.of()).keySet();
            return summarize(new ArrayList<>(round(context, http, a, b, rate, callsPerNode, warmUp).values()));
        } finally {
            http.close();
        }
    }

    /** Creates {@code callsPerNode} calls on each node at once and waits for them to start; their start times, by channel. */
    private static Map<String, Long> round(io.vertx.core.Context context, HttpClientAgent http, SandboxNode a, SandboxNode b,
                                           int rate, int callsPerNode, Set<String> earlier) throws Exception {
        String form = "To=%2B15557001000&From=%2B15550001111&Twiml=" + enc("<Response><Hangup/></Response>");
        String uri = "/2010-04-01/Accounts/" + SandboxNode.ACCOUNT + "/Calls.json";
        List<Future<Integer>> created = new ArrayList<>();
        for (int i = 0; i < callsPerNode; i++) {
            created.add(a.postForm(uri, form));
            created.add(b.postForm(uri, form));
        }
        Future.all(created).await(60, TimeUnit.SECONDS);
        int calls = 2 * callsPerNode;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(calls / rate + 30);
        // The simulator keeps only its latest requests: read its log often, keeping each originate once.
        Map<String, Long> starts = new java.util.HashMap<>();
        while (starts.size() < calls && System.nanoTime() < deadline) {
            starts.putAll(originates(context, http, a.simulatorUrl()));
            starts.putAll(originates(context, http, b.simulatorUrl()));
            starts.keySet().removeAll(earlier);
            Thread.sleep(200);
        }
        return starts;
    }

    /** When the simulator received each originate it still logs, by channel, in its milliseconds (real time in the sandbox). */
    private static Map<String, Long> originates(io.vertx.core.Context context, HttpClientAgent http, String simulator)
            throws Exception {
        URI base = URI.create(simulator);
        // Vert.x 5.0.7's client used straight from a plain thread now and then never connects: ask from a context.
        io.vertx.core.Promise<JsonArray> read = io.vertx.core.Promise.promise();
        context.runOnContext(v -> http.request(io.vertx.core.http.HttpMethod.GET, base.getPort(), base.getHost(), "/sim/requests")
                .compose(request -> request.send())
                .compose(response -> response.body())
                .map(JsonArray::new)
                .onComplete(read));
        JsonArray log = read.future().await(30, TimeUnit.SECONDS);
        Map<String, Long> times = new java.util.HashMap<>();
        for (Object entry : log) {
            JsonObject request = (JsonObject) entry;
            if ("POST".equals(request.getString("method")) && request.getString("path").matches(ORIGINATE)) {
                times.put(simulator + request.getString("path"), request.getLong("atMillis"));
            }
        }
        return times;
    }

    private static Result summarize(List<Long> starts) {
        Collections.sort(starts);
        long first = starts.get(0);
        double seconds = (starts.get(starts.size() - 1) - first) / 1e3;
        long busiest = 0;
        for (long from : starts) {
            busiest = Math.max(busiest, starts.stream().filter(t -> t >= from && t < from + 1_000).count());
        }
        List<Long> buckets = new ArrayList<>();
        for (long t : starts) {
            int bucket = (int) ((t - first) / 1_000);
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
}
