package org.patchbay.benchmarks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Patchbay in sandbox mode (its simulated Asterisk in process, records in memory) run from its
 * jar as a child process, with the settings a limits benchmark gives it, and a client for its API.
 */
final class SandboxNode implements AutoCloseable {
    static final String ACCOUNT = "AC" + "b".repeat(32);
    static final String TOKEN = "c".repeat(32);
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));

    final int port;
    private final ChildProcess process;
    private final HttpClientAgent http;
    private final io.vertx.core.Context context;

    private SandboxNode(int port, ChildProcess process, HttpClientAgent http, io.vertx.core.Context context) {
        this.port = port;
        this.process = process;
        this.http = http;
        this.context = context;
    }

    static SandboxNode start(Vertx vertx, Path jar, Path runDir, String name, Map<String, String> settings, int connections)
            throws Exception {
        int port = freePort();
        Map<String, String> env = new HashMap<>(settings);
        env.putAll(Map.of("PATCHBAY_HTTP_PORT", Integer.toString(port), "PATCHBAY_ACCOUNT_SID", ACCOUNT,
                "PATCHBAY_AUTH_TOKEN", TOKEN, "PATCHBAY_DATA_DIR", runDir.resolve(name + "-data").toString()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ChildProcess process = ChildProcess.start(name, List.of(java, "-jar", jar.toString()), env, runDir.resolve(name + ".log"));
        HttpClientAgent http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connections));
        SandboxNode node = new SandboxNode(port, process, http, vertx.getOrCreateContext());
        node.awaitHealthy(Duration.ofSeconds(60));
        return node;
    }

    Future<Integer> get(String uri) {
        return send(HttpMethod.GET, uri, null);
    }

    Future<Integer> postForm(String uri, String form) {
        return send(HttpMethod.POST, uri, form);
    }

    /** Sent from this node's context: Vert.x 5.0.7's client used straight from a plain thread now and then never connects. */
    private Future<Integer> send(HttpMethod method, String uri, String form) {
        if (Vertx.currentContext() == context) {
            return request(method, uri, form);
        }
        io.vertx.core.Promise<Integer> answered = io.vertx.core.Promise.promise();
        context.runOnContext(v -> request(method, uri, form).onComplete(answered));
        return answered.future();
    }

    private Future<Integer> request(HttpMethod method, String uri, String form) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(uri)
                .setTimeout(30_000).putHeader("Authorization", AUTH);
        if (form != null) {
            options.putHeader("Content-Type", "application/x-www-form-urlencoded");
        }
        return http.request(options)
                .compose(request -> form == null ? request.send() : request.send(Buffer.buffer(form)))
                .compose(response -> response.body().map(body -> response.statusCode()));
    }

    /** The in-process simulated Asterisk's base URL, as the start-up banner names it. */
    String simulatorUrl() throws IOException {
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("Simulated Asterisk \\(ARI\\) for tools: (http://[^/\\s]+)/ari")
                .matcher(java.nio.file.Files.readString(process.log()));
        if (!found.find()) {
            throw new IllegalStateException("no simulator URL in " + process.log());
        }
        return found.group(1);
    }

    double cpuMillis() {
        return process.cpuMillis();
    }

    private void awaitHealthy(Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            process.ensureAlive();
            try {
                if (get("/health").toCompletionStage().toCompletableFuture().get() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(process.name() + " not healthy within " + patience.toSeconds() + " s; see " + process.log());
    }

    @Override
    public void close() {
        http.close();
        process.stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
