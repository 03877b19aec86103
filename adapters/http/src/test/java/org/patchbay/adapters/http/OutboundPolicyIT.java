package org.patchbay.adapters.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.dns.AddressResolverOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.adapters.http.events.WebhookTransport;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.events.EventType;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.delivery.EventEncoding;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.SinkType;
import org.patchbay.core.instructions.InstructionFetchException;
import org.patchbay.core.instructions.InstructionRequest;
import org.patchbay.core.instructions.Instructions;
import org.patchbay.core.webhook.Webhook;
import org.patchbay.core.webhook.WebhookOutcome;
import org.patchbay.testkit.FakeAppServer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 127.0.0.2 stands for an internal network the operator denies; a server listens there and must
 * never see a connection. Host names come from a hosts-style resolver option, so no real DNS is asked.
 */
class OutboundPolicyIT {
    private static final String TOKEN = "auth-token-0123456789";
    private static final String TWIML = "<Response><Say>Hello</Say></Response>";

    private Vertx vertx;
    private FakeAppServer denied;
    private FakeAppServer allowed;
    private HttpInstructionSource source;
    private HttpWebhookSender webhooks;

    @BeforeEach
    void start() {
        String hosts = "127.0.0.2 internal.patchbay.test\n127.0.0.1 app.patchbay.test\n";
        vertx = Vertx.vertx(new VertxOptions().setAddressResolverOptions(
                new AddressResolverOptions().setHostsValue(Buffer.buffer(hosts))));
        denied = Await.result(FakeAppServer.start(vertx, "127.0.0.2"));
        allowed = Await.result(FakeAppServer.start(vertx, "127.0.0.1"));
        denied.respond("/voice", TWIML);
        allowed.respond("/voice", TWIML);
        HttpClientSettings settings = HttpClientSettings.defaults().withOutbound(OutboundPolicy.denying("127.0.0.2/32"));
        source = new HttpInstructionSource(vertx, settings, FetchPolicy.TWILIO_DEFAULTS);
        webhooks = new HttpWebhookSender(vertx, settings, WebhookSettings.defaults());
    }

    @AfterEach
    void stop() {
        Await.result(source.close());
        Await.result(webhooks.close());
        Await.result(vertx.close());
    }

    private InstructionFetchException refusal(String url) {
        return Await.failure(source.fetch(new InstructionRequest(url, "POST", Map.of("CallSid", "CA1"), TOKEN)),
                InstructionFetchException.class);
    }

    private void assertNothingReachedTheDeniedServer() {
        assertEquals(0, denied.connectionsAccepted(), "connections to the denied address");
        assertTrue(denied.requests().isEmpty());
    }

    @Test
    void aTwimlUrlInADeniedRangeIsRefusedWithItsOwnCode() {
        InstructionFetchException failure = refusal(denied.url("/voice"));

        assertEquals(ErrorCode.OUTBOUND_REFUSED, failure.errorCode());
        assertTrue(failure.getMessage().contains("127.0.0.2/32"), failure.getMessage());
        assertNothingReachedTheDeniedServer();
    }

    @Test
    void aRedirectIntoADeniedRangeIsRefusedAtThatHop() {
        allowed.redirect("/start", denied.url("/voice"));

        InstructionFetchException failure = refusal(allowed.url("/start"));

        assertEquals(ErrorCode.OUTBOUND_REFUSED, failure.errorCode());
        assertEquals(1, allowed.requests("/start").size());
        assertNothingReachedTheDeniedServer();
    }

    @Test
    void aHostNameResolvingIntoADeniedRangeIsRefused() {
        InstructionFetchException failure = refusal("http://internal.patchbay.test:" + denied.port() + "/voice");

        assertEquals(ErrorCode.OUTBOUND_REFUSED, failure.errorCode());
        assertTrue(failure.getMessage().contains("internal.patchbay.test is 127.0.0.2"), failure.getMessage());
        assertNothingReachedTheDeniedServer();
    }

    @Test
    void anAllowedHostNameIsFetchedFromTheAddressItResolvedToWithItsOwnHostHeader() {
        String url = "http://app.patchbay.test:" + allowed.port() + "/voice";

        Instructions instructions = Await.result(source.fetch(new InstructionRequest(url, "POST", Map.of("CallSid", "CA1"), TOKEN)));

        assertEquals(TWIML, instructions.body());
        assertEquals("app.patchbay.test:" + allowed.port(), allowed.requests("/voice").get(0).header("Host"));
    }

    @Test
    void aStatusCallbackToADeniedAddressIsNotSent() {
        WebhookOutcome outcome = Await.result(webhooks.send(new Webhook(denied.url("/status"), "POST",
                Map.of("CallStatus", "completed"), TOKEN, "CA1")));

        assertFalse(outcome.delivered());
        assertTrue(outcome.refused(), "told apart from a failure, so it is logged as a Notification");
        assertEquals(1, outcome.attempts(), "not retried");
        assertTrue(outcome.error().contains("refused by the outbound policy"), outcome.error());
        assertNothingReachedTheDeniedServer();
    }

    @Test
    void aStatusCallbackThatFailsOtherwiseIsNotARefusal() {
        allowed.respond("/status", org.patchbay.testkit.FakeResponse.status(404));

        WebhookOutcome outcome = Await.result(webhooks.send(new Webhook(allowed.url("/status"), "POST",
                Map.of("CallStatus", "completed"), TOKEN, "CA1")));

        assertFalse(outcome.delivered());
        assertFalse(outcome.refused());
    }

    @Test
    void aSinkWebhookToADeniedAddressFailsWithTheRefusalCode() {
        WebhookTransport transport = new WebhookTransport(vertx, new OneLineEncoding(), java.time.Duration.ofSeconds(5),
                OutboundPolicy.denying("127.0.0.2/32"));
        Sink sink = Sink.create("DG" + "2".repeat(32), "AC" + "1".repeat(32), "hook", SinkType.WEBHOOK,
                Map.of("destination", denied.url("/events"), "method", "POST"), Instant.now());
        RoutedEvent event = new RoutedEvent("EV1", EventType.of("io.patchbay.test.tick"), "node-a", "AC" + "1".repeat(32),
                null, Instant.now(), 1, Map.of(), Map.of());
        try {
            PatchbayException failure = Await.failure(transport.send(sink, TOKEN, List.of(event)), PatchbayException.class);

            assertEquals(ErrorCode.OUTBOUND_REFUSED, failure.errorCode());
            assertNothingReachedTheDeniedServer();
        } finally {
            Await.result(transport.close());
        }
    }

    @Test
    void oneAccountsOwnBlockRefusesItsCallbackWhileAnotherAccountsIsDelivered() {
        String walled = "AC" + "a".repeat(32);
        AccountDenials denials = accountSid -> Future.succeededFuture(walled.equals(accountSid)
                ? List.of(AddressRange.parse("127.0.0.2/32")) : List.of());
        HttpWebhookSender perAccount = new HttpWebhookSender(vertx, HttpClientSettings.defaults().withAccountDenials(denials),
                WebhookSettings.defaults());
        denied.respond("/status", org.patchbay.testkit.FakeResponse.status(204));
        try {
            WebhookOutcome refused = Await.result(perAccount.send(new Webhook(denied.url("/status"), "POST",
                    Map.of("AccountSid", walled, "CallStatus", "completed"), TOKEN, null)));
            assertTrue(refused.refused(), String.valueOf(refused));
            assertEquals(0, denied.connectionsAccepted(), "the walled-off account's callback never connected");

            WebhookOutcome delivered = Await.result(perAccount.send(new Webhook(denied.url("/status"), "POST",
                    Map.of("AccountSid", "AC" + "b".repeat(32), "CallStatus", "completed"), TOKEN, null)));
            assertTrue(delivered.delivered(), String.valueOf(delivered));
            assertEquals(1, denied.requests("/status").size());
        } finally {
            Await.result(perAccount.close());
        }
    }

    /** Enough of an encoding for a request body: what is in it does not matter to the policy. */
    private static final class OneLineEncoding implements EventEncoding {
        @Override
        public String structured(RoutedEvent event) {
            return "{\"id\":\"" + event.id() + "\"}";
        }

        @Override
        public String batch(List<RoutedEvent> events) {
            return "[" + String.join(",", events.stream().map(this::structured).toList()) + "]";
        }

        @Override
        public Map<String, Object> attributes(RoutedEvent event) {
            return Map.of("id", event.id());
        }

        @Override
        public String data(RoutedEvent event) {
            return "{}";
        }
    }
}
