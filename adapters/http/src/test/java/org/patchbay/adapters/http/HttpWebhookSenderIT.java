package org.patchbay.adapters.http;

import com.twilio.security.RequestValidator;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchbay.core.webhook.Webhook;
import org.patchbay.core.webhook.WebhookOutcome;
import org.patchbay.testkit.FakeAppServer;
import org.patchbay.testkit.FakeResponse;
import org.patchbay.testkit.RecordedRequest;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class HttpWebhookSenderIT {
    private static final String TOKEN = "webhook-token";
    private static final Duration SHORT_DELAY = Duration.ofMillis(50);
    private final RequestValidator validator = new RequestValidator(TOKEN);
    private Vertx vertx;
    private FakeAppServer app;
    private HttpWebhookSender sender;

    @BeforeEach
    void start(Vertx vertx) {
        this.vertx = vertx;
        app = Await.result(FakeAppServer.start(vertx));
        sender = newSender(WebhookSettings.defaults().withRetryDelays(SHORT_DELAY, SHORT_DELAY));
    }

    @AfterEach
    void stop() {
        Await.result(sender.close());
        Await.result(app.close());
    }

    private HttpWebhookSender newSender(WebhookSettings settings) {
        return new HttpWebhookSender(vertx, HttpClientSettings.defaults(), settings);
    }

    private static Map<String, String> statusParams(String callSid, int sequence) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", callSid);
        params.put("CallStatus", "in-progress");
        params.put("CallbackSource", "call-progress-events");
        params.put("SequenceNumber", String.valueOf(sequence));
        params.put("Caller", "Zoë ☎");
        return params;
    }

    private Webhook post(String path, String key, int sequence) {
        return new Webhook(app.url(path), "POST", statusParams(key == null ? "CA1" : key, sequence), TOKEN, key);
    }

    @Test
    void postsASignedFormAndReportsDelivery() {
        app.respond("/status", FakeResponse.status(204));

        WebhookOutcome outcome = Await.result(sender.send(post("/status", "CA1", 0)));

        assertEquals(new WebhookOutcome(true, 1, 204, null), outcome);
        RecordedRequest received = app.requests("/status").get(0);
        assertEquals("POST", received.method());
        assertEquals(List.copyOf(statusParams("CA1", 0).entrySet()), List.copyOf(received.params().entrySet()));
        assertEquals("TwilioProxy/1.1", received.header("User-Agent"));
        assertTrue(validator.validate(app.url(received.uri()), received.params(), received.header("X-Twilio-Signature")));
    }

    @Test
    void getPutsTheParametersInTheSignedQuery() {
        app.respond("/status", FakeResponse.status(200));

        Await.result(sender.send(new Webhook(app.url("/status?app=1#ct=2000"), "GET", statusParams("CA1", 0), TOKEN, null)));

        RecordedRequest received = app.requests("/status").get(0);
        assertEquals("GET", received.method());
        assertTrue(received.query().startsWith("app=1&CallSid=CA1&"), received.query());
        assertTrue(validator.validate(app.url(received.uri()), Map.of(), received.header("X-Twilio-Signature")));
    }

    @Test
    void retriesServerErrorsUntilDelivered() {
        app.respondInTurn("/status", FakeResponse.status(500), FakeResponse.status(503), FakeResponse.status(200));

        WebhookOutcome outcome = Await.result(sender.send(post("/status", null, 0)));

        assertEquals(new WebhookOutcome(true, 3, 200, null), outcome);
        List<RecordedRequest> attempts = app.requests("/status");
        assertEquals(3, attempts.size());
        attempts.forEach(attempt ->
                assertTrue(validator.validate(app.url(attempt.uri()), attempt.params(), attempt.header("X-Twilio-Signature"))));
    }

    @Test
    void waitsTheConfiguredDelayBetweenAttempts() {
        Duration delay = Duration.ofMillis(300);
        HttpWebhookSender patient = newSender(WebhookSettings.defaults().withRetryDelays(delay, delay));
        app.respondInTurn("/status", FakeResponse.status(500), FakeResponse.status(200));

        Await.result(patient.send(post("/status", null, 0)));

        List<RecordedRequest> attempts = app.requests("/status");
        Duration gap = Duration.between(attempts.get(0).receivedAt(), attempts.get(1).receivedAt());
        assertTrue(gap.compareTo(delay.minusMillis(20)) >= 0, "retried after " + gap.toMillis() + " ms");
        Await.result(patient.close());
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        app.respond("/status", 500, "text/plain", "down");

        WebhookOutcome outcome = Await.result(sender.send(post("/status", null, 0)));

        assertEquals(new WebhookOutcome(false, 3, 500, "HTTP 500"), outcome);
        assertEquals(3, app.requests("/status").size());
    }

    @Test
    void retriesConnectionFailures() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        WebhookOutcome outcome = Await.result(sender.send(
                new Webhook("http://127.0.0.1:" + closedPort + "/status", "POST", statusParams("CA1", 0), TOKEN, null)));

        assertFalse(outcome.delivered());
        assertEquals(3, outcome.attempts());
        assertNull(outcome.lastStatus());
        assertNotNull(outcome.error());
    }

    @Test
    void retriesTimeouts() {
        app.respondInTurn("/status", FakeResponse.status(200).delayed(Duration.ofSeconds(10)), FakeResponse.status(200));

        WebhookOutcome outcome = Await.result(sender.send(
                new Webhook(app.url("/status#tt=200"), "POST", statusParams("CA1", 0), TOKEN, null)));

        assertEquals(new WebhookOutcome(true, 2, 200, null), outcome);
    }

    @Test
    void doesNotRetryClientErrors() {
        WebhookOutcome outcome = Await.result(sender.send(post("/nobody-home", null, 0)));

        assertEquals(new WebhookOutcome(false, 1, 404, "HTTP 404"), outcome);
        assertEquals(1, app.requests("/nobody-home").size());
    }

    @Test
    void doesNotFollowOrRetryRedirects() {
        app.redirect("/moved", "/status");

        WebhookOutcome outcome = Await.result(sender.send(post("/moved", null, 0)));

        assertEquals(new WebhookOutcome(false, 1, 302, "HTTP 302"), outcome);
        assertTrue(app.requests("/status").isEmpty());
    }

    @Test
    void invalidUrlIsReportedNotSent() {
        WebhookOutcome outcome = Await.result(sender.send(new Webhook("/relative", "POST", Map.of(), TOKEN, "CA1")));

        assertFalse(outcome.delivered());
        assertEquals(0, outcome.attempts());
        assertEquals(0, sender.activeOrderingKeys());
    }

    @Test
    void sameKeyIsDeliveredOneAtATimeInSendOrderAcrossRetries() throws Exception {
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> mostInFlight = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> firstFailures = new ConcurrentHashMap<>();
        app.respondLater("/status", request -> {
            String key = request.param("CallSid");
            int now = inFlight.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            mostInFlight.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
            // The first webhook of each key fails once: the next must wait for its retry.
            boolean fail = request.param("SequenceNumber").equals("0")
                    && firstFailures.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement() == 0;
            Promise<FakeResponse> answer = Promise.promise();
            vertx.setTimer(ThreadLocalRandom.current().nextInt(1, 8), id -> {
                inFlight.get(key).decrementAndGet();
                answer.complete(FakeResponse.status(fail ? 500 : 204));
            });
            return answer.future();
        });
        List<String> keys = List.of("CA-a", "CA-b", "CA-c", "CA-d");
        int perKey = 25;
        Map<String, List<Future<WebhookOutcome>>> outcomes = new ConcurrentHashMap<>();
        ExecutorService callers = Executors.newFixedThreadPool(keys.size());

        for (String key : keys) {
            callers.execute(() -> outcomes.put(key, IntStream.range(0, perKey)
                    .mapToObj(sequence -> sender.send(post("/status", key, sequence))).toList()));
        }
        callers.shutdown();
        assertTrue(callers.awaitTermination(10, TimeUnit.SECONDS));

        for (String key : keys) {
            outcomes.get(key).forEach(outcome -> assertTrue(Await.result(outcome).delivered()));
            List<String> order = app.requests("/status").stream()
                    .filter(r -> r.param("CallSid").equals(key)).map(r -> r.param("SequenceNumber")).toList();
            List<String> expected = new ArrayList<>(List.of("0"));
            IntStream.range(0, perKey).mapToObj(String::valueOf).forEach(expected::add);
            assertEquals(expected, order, "delivery order for " + key);
            assertEquals(1, mostInFlight.get(key).get(), "webhooks of " + key + " in flight at once");
        }
        assertEquals(0, sender.activeOrderingKeys());
        assertEquals(0, sender.pendingWebhooks());
    }

    @Test
    void differentKeysDoNotWaitForEachOther() {
        Promise<FakeResponse> release = Promise.promise();
        app.respondLater("/held", request -> release.future());
        app.respond("/status", FakeResponse.status(204));

        Future<WebhookOutcome> held = sender.send(post("/held", "CA-held", 0));
        Await.result(app.awaitRequest("/held"));
        WebhookOutcome other = Await.result(sender.send(post("/status", "CA-other", 0)));

        assertTrue(other.delivered());
        assertFalse(held.isComplete());
        release.complete(FakeResponse.status(204));
        assertTrue(Await.result(held).delivered());
    }

    @Test
    void sameKeyWaitsForTheWebhookBefore() {
        Promise<FakeResponse> release = Promise.promise();
        app.respondLater("/held", request -> release.future());
        app.respond("/status", FakeResponse.status(204));

        Future<WebhookOutcome> first = sender.send(post("/held", "CA1", 0));
        Future<WebhookOutcome> second = sender.send(post("/status", "CA1", 1));
        Future<WebhookOutcome> unordered = sender.send(post("/status", null, 2));
        Await.result(app.awaitRequest("/held"));
        Await.result(unordered);

        assertFalse(second.isComplete());
        assertEquals(List.of("2"), app.requests("/status").stream().map(r -> r.param("SequenceNumber")).toList());
        release.complete(FakeResponse.status(204));
        assertTrue(Await.result(second).delivered());
        assertTrue(Await.result(first).delivered());
    }

    @Test
    void dropsWebhooksPastThePendingLimit() {
        HttpWebhookSender small = newSender(WebhookSettings.defaults().withMaxPending(2));
        Promise<FakeResponse> release = Promise.promise();
        app.respondLater("/held", request -> release.future());

        Future<WebhookOutcome> first = small.send(post("/held", "CA1", 0));
        Future<WebhookOutcome> second = small.send(post("/held", "CA1", 1));
        WebhookOutcome third = Await.result(small.send(post("/held", "CA2", 0)));

        assertFalse(third.delivered());
        assertEquals(0, third.attempts());
        assertTrue(third.error().startsWith("dropped"), third.error());
        release.complete(FakeResponse.status(204));
        assertTrue(Await.result(first).delivered());
        assertTrue(Await.result(second).delivered());
        assertEquals(0, small.pendingWebhooks());
        assertTrue(Await.result(small.send(post("/held", "CA2", 0))).delivered());
        Await.result(small.close());
    }

    @Test
    void outcomeCompletesOnTheCallersContext() {
        app.respond("/status", FakeResponse.status(204));
        Promise<Boolean> sameContext = Promise.promise();

        vertx.runOnContext(start -> {
            Context caller = Vertx.currentContext();
            sender.send(post("/status", "CA1", 0)).onComplete(done -> sameContext.complete(Vertx.currentContext() == caller));
        });

        assertTrue(Await.result(sameContext.future()));
    }
}
