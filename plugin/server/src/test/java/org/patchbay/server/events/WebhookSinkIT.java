package org.patchbay.server.events;

import com.twilio.security.RequestValidator;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;
import io.vertx.core.Promise;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.events.EventType;
import org.patchbay.core.events.EventDraft;
import org.patchbay.core.events.sink.Batching;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.SinkStatus;
import org.patchbay.core.events.sink.SinkType;
import org.patchbay.core.events.sink.SubscriptionFilters;
import org.patchbay.core.events.sink.TextMatch;
import org.patchbay.server.e2e.Harness;
import org.patchbay.testkit.FakeResponse;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook sinks end to end: real calls, a real HTTP receiver, Patchbay's delivery in between. */
class WebhookSinkIT {
    private static final String COMPLETED = "com.twilio.voice.status-callback.call.completed";
    private static final String FETCHED = "io.patchbay.call.instruction.fetched";
    @TempDir
    Path dataDir;
    Harness h;

    private void start(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("PATCHBAY_EVENTS_SINK_REFRESH", "1s",
                "PATCHBAY_EVENTS_RETRY_FIRST_DELAY", "200ms", "PATCHBAY_EVENTS_RETRY_MAX_DELAY", "2s"));
        all.putAll(env);
        h = Harness.start(dataDir, all);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aSubscriptionGetsExactlyItsTypesOfTheCallsItsFilterSelectsSigned() throws Exception {
        start(Map.of());
        h.app.respond("/events", 200, "text/plain", "ok");
        Sink sink = SinkFixtures.activeSink(h.patchbay, SinkType.WEBHOOK, Map.of("destination", h.app.url("/events"), "method", "POST"));
        SinkFixtures.subscribe(h.patchbay, sink, new SubscriptionFilters(null, null, TextMatch.parse("inbound"), null,
                TextMatch.parse("+1555*"), false), null, COMPLETED, FETCHED);
        Harness.sleep(Duration.ofMillis(1500));
        h.number("1000", "/voice", null, null);
        h.app.respond("/voice", new VoiceResponse.Builder().say(new Say.Builder("Hi").build())
                .hangup(new Hangup.Builder().build()).build().toXml());

        CallRecord wanted = h.finished(h.call("+15551230000", "1000").channelId());
        CallRecord other = h.finished(h.call("+16661230000", "1000").channelId());
        h.waitUntil("the wanted call's events", () -> SinkFixtures.events(h.app.requests("/events")).size() >= 2);
        Harness.sleep(Duration.ofMillis(1000));

        List<RecordedRequest> requests = h.app.requests("/events");
        List<Map<String, Object>> events = SinkFixtures.events(requests);
        assertEquals(List.of(FETCHED, COMPLETED), events.stream().map(e -> e.get("type")).toList(), events.toString());
        assertTrue(events.stream().allMatch(e -> wanted.sid().equals(e.get("subject"))), "none of " + other.sid());
        Map<String, Object> completed = events.get(1);
        assertEquals("1.0", completed.get("specversion"));
        assertEquals(wanted.accountSid(), completed.get("accountsid"));
        assertTrue(((Number) completed.get("sequence")).longValue() > ((Number) events.get(0).get("sequence")).longValue());
        assertTrue(String.valueOf(completed.get("dataschema")).endsWith("/v1/Schemas/com.twilio.voice.status-callback.call/Versions/1"));
        assertEquals("completed", ((Map<?, ?>) completed.get("data")).get("CallStatus"));
        RequestValidator validator = new RequestValidator(h.patchbay.mainAccount().authToken());
        for (RecordedRequest request : requests) {
            String url = h.app.url("/events") + "?" + request.query();
            assertTrue(validator.validate(url, request.body(), request.header("X-Twilio-Signature")), "signed: " + url);
        }
    }

    @Test
    void aReceiverDownForThirtySecondsGetsEveryEventAfterwardsInOrderDuplicatesOnlyWithTheSameId() {
        start(Map.of());
        Instant downUntil = Instant.now().plusSeconds(30);
        h.app.respondWith("/events", request -> FakeResponse.status(Instant.now().isBefore(downUntil) ? 500 : 200));
        Sink sink = SinkFixtures.activeSink(h.patchbay, SinkType.WEBHOOK, Map.of("destination", h.app.url("/events"), "method", "POST"));
        SinkFixtures.subscribe(h.patchbay, sink, null, null, "io.patchbay.test.tick");
        Harness.sleep(Duration.ofMillis(1500));
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tick("CA-subject-" + (i % 4), i);
            published.add("CA-subject-" + (i % 4) + "/" + i);
            Harness.sleep(Duration.ofMillis(100));
        }
        Harness.sleep(Duration.between(Instant.now(), downUntil));
        h.waitUntil("every tick after the outage", () -> deliveredSince(downUntil).stream().map(e -> e.get("id")).distinct().count() >= 40);
        Harness.sleep(Duration.ofSeconds(1));
        List<Map<String, Object>> got = deliveredSince(downUntil);
        Map<String, Object> byId = new HashMap<>();
        for (Map<String, Object> event : got) {
            Object before = byId.putIfAbsent((String) event.get("id"), ((Map<?, ?>) event.get("data")).get("n"));
            assertTrue(before == null || before.equals(((Map<?, ?>) event.get("data")).get("n")), "a duplicate has its id");
        }
        assertEquals(40, byId.size(), "none lost");
        for (int s = 0; s < 4; s++) {
            String subject = "CA-subject-" + s;
            List<Integer> order = new ArrayList<>(new LinkedHashSet<>(got.stream().filter(e -> subject.equals(e.get("subject")))
                    .map(e -> ((Number) ((Map<?, ?>) e.get("data")).get("n")).intValue()).toList()));
            assertEquals(order.stream().sorted().toList(), order, "in order for " + subject);
        }
        assertTrue(h.app.requests("/events").size() > 40, "it was retried");
    }

    @Test
    void aSinkThatNeverAnswersBecomesFailedAndActiveAgainWhenItAnswers() {
        start(Map.of("PATCHBAY_EVENTS_SINK_TIMEOUT", "500ms", "PATCHBAY_EVENTS_SINK_FAILED_AFTER", "3"));
        Set<String> answering = new java.util.concurrent.CopyOnWriteArraySet<>();
        h.app.respondLater("/events", request -> answering.isEmpty() ? Promise.<FakeResponse>promise().future()
                : io.vertx.core.Future.succeededFuture(FakeResponse.status(204)));
        Sink sink = SinkFixtures.activeSink(h.patchbay, SinkType.WEBHOOK, Map.of("destination", h.app.url("/events"), "method", "POST"));
        SinkFixtures.subscribe(h.patchbay, sink, null, new Batching(10, Duration.ofMillis(200)), "io.patchbay.test.tick");
        Harness.sleep(Duration.ofMillis(1500));
        tick("CA-one", 1);
        h.waitUntil("the sink failed", () -> status(sink) == SinkStatus.failed);
        answering.add("now");
        h.waitUntil("the sink active again", () -> status(sink) == SinkStatus.active);
        h.waitUntil("the event delivered", () -> !delivered().isEmpty());
    }

    private SinkStatus status(Sink sink) {
        return Harness.await(h.patchbay.store().of(Sink.KIND).get(sink.sid())).status();
    }

    /** What was received once the receiver answered 200 again (the 500-answered attempts do not count). */
    private List<Map<String, Object>> deliveredSince(Instant upAgain) {
        return SinkFixtures.events(h.app.requests("/events").stream().filter(r -> !r.receivedAt().isBefore(upAgain)).toList());
    }

    private List<Map<String, Object>> delivered() {
        return SinkFixtures.events(h.app.requests("/events").stream().filter(r -> !r.body().isEmpty()).toList());
    }

    /** A test's own kind of event, appended straight to the router's log. */
    private void tick(String subject, int n) {
        Harness.await(h.patchbay.events().log().append(new EventDraft(EventType.of("io.patchbay.test.tick"), "test",
                h.patchbay.mainAccount().sid(), subject, Instant.now(), Map.of("n", n), Map.of())));
    }
}
