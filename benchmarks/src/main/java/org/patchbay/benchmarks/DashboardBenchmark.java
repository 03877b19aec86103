package org.patchbay.benchmarks;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an open dashboard costs Patchbay: with {@value #HELD} calls held live, Patchbay's CPU over windows without
 * a viewer and with the dashboard page loaded and its live stream open, in turns; prints the medians and their
 * difference, the page's cost per minute. (A trickle of calls beside it would cost Patchbay far more than the
 * page and drown the difference in its noise.)
 * The same three processes as the call-routing benchmark (see {@code benchmarks/README.md}).
 */
public final class DashboardBenchmark {
    static final int HELD = 100;
    private static final int WARMUP_CALLS_PER_SECOND = 20;
    private static final int WINDOW_SECONDS = 30;
    private static final int ROUNDS = 3;

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(DashboardBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        BenchOptions options = BenchOptions.parse(args, target.getParent().getParent());
        Path runDir = Files.createDirectories(target.resolve("runs")
                .resolve("dashboard-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try (Cluster cluster = Cluster.start(options, System.getProperty("java.class.path"), runDir)) {
            run(vertx, options, cluster);
        } finally {
            vertx.close().await();
        }
        System.exit(0);
    }

    private static void run(Vertx vertx, BenchOptions options, Cluster cluster) throws Exception {
        Context context = vertx.getOrCreateContext();
        LocalHttp http = new LocalHttp(vertx, context, options.concurrency());
        SimClient sim = new SimClient(http, cluster.simPort());
        AppClient app = new AppClient(http, cluster.appPort());
        PatchbayClient patchbay = new PatchbayClient(http, cluster.patchbayPort(), cluster.accountSid(), cluster.authToken());
        cluster.awaitReady(sim, app, patchbay);
        LoadGenerator load = new LoadGenerator(vertx, context, sim, options.concurrency(), new CallerNumbers());

        System.out.println("warming up: " + options.warmupSeconds() + " s of " + WARMUP_CALLS_PER_SECOND + " calls/s");
        load.run(WARMUP_CALLS_PER_SECOND, options.warmupSeconds(), Cluster.ROUTED_NUMBER).await();
        LoadGenerator.Outcome held = load.run(50, HELD / 50.0, Cluster.HOLD_NUMBER).await();
        while (patchbay.liveCalls().await() < held.placed().size()) {
            Cluster.sleepMillis(200);
        }
        System.out.println(held.placed().size() + " calls held live");

        String base = "http://127.0.0.1:" + cluster.patchbayPort() + "/dashboard";
        String auth = "Basic " + Base64.getEncoder().encodeToString((cluster.accountSid() + ":" + cluster.authToken())
                .getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newHttpClient();
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        AtomicLong streamed = new AtomicLong();
        HttpResponse<InputStream> warming = openPage(client, base, auth);
        Thread warmReader = new Thread(() -> drain(warming.body(), new AtomicLong()), "dashboard-warm-up");
        warmReader.setDaemon(true);
        warmReader.start();
        System.out.println("warming the dashboard's code up: " + WINDOW_SECONDS + " s with the page open, not counted");
        patchbayCpuPerMinute(cluster);
        warming.body().close();
        for (int round = 1; round <= ROUNDS; round++) {
            without.add(patchbayCpuPerMinute(cluster));
            HttpResponse<InputStream> stream = openPage(client, base, auth);
            Thread reader = new Thread(() -> drain(stream.body(), streamed), "dashboard-stream");
            reader.setDaemon(true);
            reader.start();
            with.add(patchbayCpuPerMinute(cluster));
            stream.body().close();
            System.out.printf("round %d: Patchbay CPU %.0f ms/min without a viewer, %.0f ms/min with the dashboard open%n",
                    round, without.get(round - 1), with.get(round - 1));
        }
        double quiet = median(without);
        double open = median(with);
        System.out.printf("Patchbay CPU per minute at %d live calls (medians of %d rounds of %d s): %.0f ms without a viewer,"
                + " %.0f ms with the dashboard open (%d KiB streamed in all)%n", HELD, ROUNDS, WINDOW_SECONDS, quiet, open,
                streamed.get() / 1024);
        System.out.printf("the dashboard page costs %.0f ms of Patchbay CPU per minute (goal < 100)%n", open - quiet);
    }

    /** Loads the page, its script and style, and opens its live stream, as a browser does. */
    private static HttpResponse<InputStream> openPage(HttpClient client, String base, String auth) throws Exception {
        for (String page : List.of("", "/dashboard.js", "/dashboard.css")) {
            client.send(HttpRequest.newBuilder(URI.create(base + page)).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        return client.send(HttpRequest.newBuilder(URI.create(base + "/stream")).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Patchbay's CPU over one window, per minute. */
    private static double patchbayCpuPerMinute(Cluster cluster) {
        double before = ProcCpu.cpuMillis(cluster.patchbay().pid());
        Cluster.sleepMillis(WINDOW_SECONDS * 1000L);
        return (ProcCpu.cpuMillis(cluster.patchbay().pid()) - before) * 60.0 / WINDOW_SECONDS;
    }

    private static void drain(InputStream in, AtomicLong bytes) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes.addAndGet(n);
            }
        } catch (java.io.IOException closed) {
            // the window ended and the stream was closed
        }
    }
}
