package org.patchbay.core.events.sink;

import org.junit.jupiter.api.Test;
import org.patchbay.core.error.PatchbayException;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SinkConfigurationTest {

    @Test
    void readsAWebhookAsTwilioSendsIt() {
        WebhookConfiguration webhook = (WebhookConfiguration) SinkConfiguration.read(SinkType.WEBHOOK,
                Map.of("destination", "https://user:s%40cret@127.0.0.1:8443/events?x=1", "method", "post",
                        "batch_events", false));

        assertEquals(URI.create("https://127.0.0.1:8443/events?x=1"), webhook.target());
        assertEquals("user", webhook.username());
        assertEquals("s@cret", webhook.password());
        assertEquals("POST", webhook.method());
        assertFalse(webhook.batchEvents());
    }

    @Test
    void aWebhookWithoutCredentialsHasNone() {
        WebhookConfiguration webhook = (WebhookConfiguration) SinkConfiguration.read(SinkType.WEBHOOK,
                Map.of("destination", "http://127.0.0.1/hook", "batch_events", "true"));

        assertNull(webhook.username());
        assertNull(webhook.password());
        assertTrue(webhook.batchEvents());
    }

    @Test
    void rejectsAWebhookWithoutAUsableDestination() {
        assertInvalid(SinkType.WEBHOOK, Map.of(), "webhook sink: destination is required");
        assertInvalid(SinkType.WEBHOOK, Map.of("destination", "ftp://127.0.0.1/x"), "destination must be an absolute http or https URL");
        assertInvalid(SinkType.WEBHOOK, Map.of("destination", "not a url"), "destination is not a valid URL");
        assertInvalid(SinkType.WEBHOOK, Map.of("destination", "http://127.0.0.1/", "method", "GET"), "method must be POST");
        assertInvalid(SinkType.WEBHOOK, Map.of("destination", "http://127.0.0.1/", "batch_events", "yes"), "batch_events must be true or false");
    }

    @Test
    void readsARedisStream() {
        assertEquals(new RedisStreamConfiguration("events:calls", 5000L),
                SinkConfiguration.read(SinkType.REDIS_STREAM, Map.of("stream_key", "events:calls", "max_length", 5000)));
        assertEquals(new RedisStreamConfiguration("events:calls", null),
                SinkConfiguration.read(SinkType.REDIS_STREAM, Map.of("stream_key", "events:calls")));
        assertInvalid(SinkType.REDIS_STREAM, Map.of("max_length", 5), "redis-stream sink: stream_key is required");
        assertInvalid(SinkType.REDIS_STREAM, Map.of("stream_key", "k", "max_length", 0), "max_length must be at least 1");
        assertInvalid(SinkType.REDIS_STREAM, Map.of("stream_key", "k", "max_length", 1.5), "max_length must be a whole number");
    }

    @Test
    void readsAnAmqpExchange() {
        AmqpConfiguration amqp = (AmqpConfiguration) SinkConfiguration.read(SinkType.AMQP,
                Map.of("url", "amqp://guest:guest@127.0.0.1:5672", "exchange", "patchbay"));

        assertEquals("patchbay", amqp.exchange());
        assertEquals("com.twilio.voice.status-callback.call.answered",
                amqp.routingKeyFor("com.twilio.voice.status-callback.call.answered"));
        AmqpConfiguration fixedKey = (AmqpConfiguration) SinkConfiguration.read(SinkType.AMQP,
                Map.of("url", "amqp://127.0.0.1", "exchange", "", "routing_key", "calls"));
        assertEquals("calls", fixedKey.routingKeyFor("anything"));
        assertInvalid(SinkType.AMQP, Map.of("url", "http://127.0.0.1", "exchange", "x"), "url must be an absolute amqp or amqps URL");
        assertInvalid(SinkType.AMQP, Map.of("url", "amqp://127.0.0.1"), "exchange is required");
    }

    @Test
    void wireNamesReadBack() {
        for (SinkType type : SinkType.values()) {
            assertEquals(type, SinkType.fromWireName(type.wireName()));
        }
        assertNull(SinkType.fromWireName("kinesis"));
    }

    private static void assertInvalid(SinkType type, Map<String, Object> fields, String expected) {
        PatchbayException failure = assertThrows(PatchbayException.class, () -> SinkConfiguration.read(type, fields));
        assertEquals(400, failure.httpStatus());
        assertTrue(failure.getMessage().contains(expected), failure.getMessage());
    }
}
