package org.patchbay.adapters.http;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.dns.AddressResolverOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.instructions.InstructionFetchException;
import org.patchbay.core.instructions.InstructionRequest;
import org.patchbay.core.instructions.Instructions;
import org.patchbay.core.webhook.Webhook;
import org.patchbay.core.webhook.WebhookOutcome;
import org.patchbay.testkit.FakeAppServer;

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
        assertTrue(outcome.error().contains("refused by the outbound policy"), outcome.error());
        assertNothingReachedTheDeniedServer();
    }
}
