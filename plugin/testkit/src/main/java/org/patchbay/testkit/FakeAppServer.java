package org.patchbay.testkit;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A customer's application server for tests: a real HTTP server on a free loopback port that
 * answers each path the way the test told it to, records every request it receives and lets
 * the test wait for them. Paths nobody configured answer 404. A path is matched as it appears
 * on the request line, without its query and still percent-encoded ({@code /men%C3%BC}).
 *
 * <p>Configure and read it from any thread; requests are served on one Vert.x event loop.
 * <pre>{@code
 * FakeAppServer app = FakeAppServer.start(vertx).await();
 * app.respond("/voice", "<Response><Say>Hi</Say></Response>");
 * app.respondWith("/menu", r -> "1".equals(r.param("Digits")) ? FakeResponse.twiml(sales) : FakeResponse.twiml(help));
 * RecordedRequest first = app.awaitRequest("/voice").await();
 * }</pre>
 */
public final class FakeAppServer {
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final HttpServer server;
    private final String host;
    private final Map<String, Function<RecordedRequest, Future<FakeResponse>>> responders = new ConcurrentHashMap<>();
    private final AtomicInteger connectionsAccepted = new AtomicInteger();
    private final Object lock = new Object();
    private final List<RecordedRequest> recorded = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();

    private record Waiter(String path, int count, Promise<List<RecordedRequest>> promise) {
    }

    private FakeAppServer(Vertx vertx, String host) {
        this.vertx = vertx;
        this.host = host;
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(0))
                .connectionHandler(connection -> connectionsAccepted.incrementAndGet())
                .requestHandler(this::handle);
    }

    public static Future<FakeAppServer> start(Vertx vertx) {
        return start(vertx, "127.0.0.1");
    }

    /** @param host a loopback address to listen on, such as 127.0.0.2 */
    public static Future<FakeAppServer> start(Vertx vertx, String host) {
        FakeAppServer app = new FakeAppServer(vertx, host);
        return app.server.listen().map(listening -> app);
    }

    public int port() {
        return server.actualPort();
    }

    /** The absolute URL of a path (which may carry a query) on this server. */
    public String url(String path) {
        return "http://" + host + ":" + port() + path;
    }

    /** Answers 200 with the document as {@code text/xml}. */
    public FakeAppServer respond(String path, String twiml) {
        return respond(path, FakeResponse.twiml(twiml));
    }

    public FakeAppServer respond(String path, int status, String contentType, String body) {
        return respond(path, FakeResponse.of(status, contentType, body));
    }

    public FakeAppServer respond(String path, FakeResponse response) {
        responders.put(path, request -> Future.succeededFuture(response));
        return this;
    }

    /** Answers each request on the path with the next response; the last one repeats. */
    public FakeAppServer respondInTurn(String path, FakeResponse... responses) {
        List<FakeResponse> turns = List.copyOf(Arrays.asList(responses));
        AtomicInteger next = new AtomicInteger();
        responders.put(path, request -> Future.succeededFuture(
                turns.get(Math.min(next.getAndIncrement(), turns.size() - 1))));
        return this;
    }

    /** Decides the answer from the request (its {@code Digits}, its {@code CallStatus}...). */
    public FakeAppServer respondWith(String path, Function<RecordedRequest, FakeResponse> responder) {
        responders.put(path, request -> Future.succeededFuture(responder.apply(request)));
        return this;
    }

    /** Answers when the returned future completes: lets a test hold a response until it says so. */
    public FakeAppServer respondLater(String path, Function<RecordedRequest, Future<FakeResponse>> responder) {
        responders.put(path, responder);
        return this;
    }

    /** Answers 302 with a Location header, which may be relative. */
    public FakeAppServer redirect(String path, String location) {
        return redirect(path, 302, location);
    }

    public FakeAppServer redirect(String path, int status, String location) {
        return respond(path, FakeResponse.redirect(status, location));
    }

    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return List.copyOf(recorded);
        }
    }

    public List<RecordedRequest> requests(String path) {
        synchronized (lock) {
            return recordedOn(path);
        }
    }

    /** How many TCP connections clients opened: shows whether they kept connections alive. */
    public int connectionsAccepted() {
        return connectionsAccepted.get();
    }

    /** The first request on the path, as soon as it has arrived; fails after 10 seconds. */
    public Future<RecordedRequest> awaitRequest(String path) {
        return awaitRequests(path, 1, DEFAULT_WAIT).map(first -> first.get(0));
    }

    /** The first {@code count} requests on the path, as soon as they have all arrived. */
    public Future<List<RecordedRequest>> awaitRequests(String path, int count, Duration timeout) {
        Waiter waiter = new Waiter(path, count, Promise.promise());
        List<RecordedRequest> ready;
        synchronized (lock) {
            ready = firstOn(path, count);
            if (ready == null) {
                waiters.add(waiter);
            }
        }
        if (ready != null) {
            return Future.succeededFuture(ready);
        }
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> giveUp(waiter, timeout));
        return waiter.promise().future().onComplete(done -> vertx.cancelTimer(timer));
    }

    /** Forgets every responder and every recorded request, as if freshly started. */
    public void reset() {
        responders.clear();
        synchronized (lock) {
            recorded.clear();
        }
    }

    public Future<Void> close() {
        return server.close();
    }

    private void handle(HttpServerRequest request) {
        Instant receivedAt = Instant.now();
        Context serving = Vertx.currentContext();
        request.body().onSuccess(body -> {
            RecordedRequest recordedRequest = RequestRecording.of(request, body, receivedAt);
            record(recordedRequest);
            // A held response may be released from the test's thread: answer from the server's own.
            answer(recordedRequest).onComplete(answered -> serving.runOnContext(back -> {
                if (answered.succeeded()) {
                    sendLater(request.response(), answered.result());
                } else {
                    send(request.response(), FakeResponse.of(500, "text/plain", "responder failed: " + answered.cause()));
                }
            }));
        });
    }

    private Future<FakeResponse> answer(RecordedRequest request) {
        Function<RecordedRequest, Future<FakeResponse>> responder = responders.get(request.path());
        if (responder == null) {
            return Future.succeededFuture(FakeResponse.of(404, "text/plain", "no responder for " + request.path()));
        }
        try {
            return responder.apply(request);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private void sendLater(HttpServerResponse response, FakeResponse answer) {
        if (answer.delay().isZero()) {
            send(response, answer);
        } else {
            vertx.setTimer(answer.delay().toMillis(), id -> send(response, answer));
        }
    }

    private static void send(HttpServerResponse response, FakeResponse answer) {
        if (response.closed()) {
            return;
        }
        response.setStatusCode(answer.status());
        if (answer.contentType() != null) {
            response.putHeader("Content-Type", answer.contentType());
        }
        answer.headers().forEach(response::putHeader);
        if (answer.binary() != null) {
            response.end(Buffer.buffer(answer.binary()));
            return;
        }
        response.end(Buffer.buffer(answer.body() == null ? "" : answer.body(), StandardCharsets.UTF_8.name()));
    }

    private void record(RecordedRequest request) {
        List<Waiter> satisfied = new ArrayList<>();
        List<List<RecordedRequest>> results = new ArrayList<>();
        synchronized (lock) {
            recorded.add(request);
            for (Waiter waiter : List.copyOf(waiters)) {
                List<RecordedRequest> ready = firstOn(waiter.path(), waiter.count());
                if (ready != null) {
                    waiters.remove(waiter);
                    satisfied.add(waiter);
                    results.add(ready);
                }
            }
        }
        // Completed outside the lock: a test's callbacks may call back into this server.
        for (int i = 0; i < satisfied.size(); i++) {
            satisfied.get(i).promise().tryComplete(results.get(i));
        }
    }

    private void giveUp(Waiter waiter, Duration timeout) {
        List<String> seen;
        synchronized (lock) {
            if (!waiters.remove(waiter)) {
                return;
            }
            seen = recorded.stream().map(r -> r.method() + " " + r.uri()).toList();
        }
        waiter.promise().tryFail(new TimeoutException("expected " + waiter.count() + " request(s) on " + waiter.path()
                + " within " + timeout.toMillis() + " ms; received " + seen));
    }

    private List<RecordedRequest> recordedOn(String path) {
        return recorded.stream().filter(r -> r.path().equals(path)).toList();
    }

    private List<RecordedRequest> firstOn(String path, int count) {
        List<RecordedRequest> onPath = recordedOn(path);
        return onPath.size() >= count ? List.copyOf(onPath.subList(0, count)) : null;
    }
}
