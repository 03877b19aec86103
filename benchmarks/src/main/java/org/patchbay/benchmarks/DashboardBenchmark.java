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
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an open dashboard costs Patchbay: with {@value #HELD} calls held live and a trickle of short calls
 * (events flowing), Patchbay's CPU over one minute without a viewer, then over one minute with the dashboard
 * page loaded and its live stream open. Prints both and their difference, the page's cost per minute.
 * The same three processes as the call-routing benchmark (see {@code benchmarks/README.md}).
 */
public final class DashboardBenchmark {
    static final int HELD = 100;
    private static final int TRICKLE_PER_SECOND = 2;
    private static final int WINDOW_SECONDS = 60;

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

        System.out.println("warming up: " + options.warmupSeconds() + " s of " + TRICKLE_PER_SECOND * 10 + " calls/s");
        load.run(TRICKLE_PER_SECOND * 10, options.warmupSeconds(), Cluster.ROUTED_NUMBER).await();
        LoadGenerator.Outcome held = load.run(50, HELD / 50.0, Cluster.HOLD_NUMBER).await();
        while (patchbay.liveCalls().await() < held.placed().size()) {
            Cluster.sleepMillis(200);
        }
        System.out.println(held.placed().size() + " calls held live; " + TRICKLE_PER_SECOND + " short calls/s go on meanwhile");

        double without = patchbayCpuOverWindow(load, cluster);
        String base = "http://127.0.0.1:" + cluster.patchbayPort() + "/dashboard";
        String auth = "Basic " + Base64.getEncoder().encodeToString((cluster.accountSid() + ":" + cluster.authToken())
                .getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newHttpClient();
        for (String page : List.of("", "/dashboard.js", "/dashboard.css")) {
            client.send(HttpRequest.newBuilder(URI.create(base + page)).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        AtomicLong streamed = new AtomicLong();
        HttpResponse<InputStream> stream = client.send(HttpRequest.newBuilder(URI.create(base + "/stream"))
                .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> drain(stream.body(), streamed), "dashboard-stream");
        reader.setDaemon(true);
        reader.start();
        double with = patchbayCpuOverWindow(load, cluster);
        stream.body().close();

        System.out.printf("Patchbay CPU per minute at %d live calls + %d calls/s: %.0f ms without a viewer, %.0f ms with the"
                + " dashboard open (%d KiB streamed)%n", HELD, TRICKLE_PER_SECOND, without, with, streamed.get() / 1024);
        System.out.printf("the dashboard page costs %.0f ms of Patchbay CPU per minute (goal < 100)%n", with - without);
    }

    /** Patchbay's CPU milliseconds over one window, while the trickle of short calls runs. */
    private static double patchbayCpuOverWindow(LoadGenerator load, Cluster cluster) {
        double before = ProcCpu.cpuMillis(cluster.patchbay().pid());
        load.run(TRICKLE_PER_SECOND, WINDOW_SECONDS, Cluster.ROUTED_NUMBER).await();
        double after = ProcCpu.cpuMillis(cluster.patchbay().pid());
        return after - before;
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
