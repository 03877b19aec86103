package org.patchbay.adapters.events;

import io.vertx.core.Vertx;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQMessage;
import io.vertx.rabbitmq.RabbitMQOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.events.EventCatalog;
import org.patchbay.core.events.EventType;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.SinkType;
import org.patchbay.core.json.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The AMQP sink publishes to an exchange on the running RabbitMQ (127.0.0.1:5672, guest/guest) with the CloudEvents headers. */
class AmqpTransportIT {
    private static final String BROKER = "amqp://guest:guest@127.0.0.1:5672";
    private Vertx vertx;
    private RabbitMQClient reader;
    private AmqpTransport transport;
    private final String exchange = "patchbay-test-" + UUID.randomUUID();
    private final String queue = "patchbay-test-" + UUID.randomUUID();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        reader = RabbitMQClient.create(vertx, new RabbitMQOptions().setUri(BROKER));
        reader.start().await(10, TimeUnit.SECONDS);
        reader.exchangeDeclare(exchange, "topic", false, true).await(10, TimeUnit.SECONDS);
        reader.queueDeclare(queue, false, true, true).await(10, TimeUnit.SECONDS);
        reader.queueBind(queue, exchange, "io.patchbay.#").await(10, TimeUnit.SECONDS);
        transport = new AmqpTransport(vertx, new CloudEventsEncoding("http://127.0.0.1:8080", EventCatalog.platform()), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        transport.close().await(10, TimeUnit.SECONDS);
        reader.exchangeDelete(exchange).await(10, TimeUnit.SECONDS);
        reader.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void eventsReachABoundQueueWithTheirCloudEventsHeaders() throws Exception {
        Sink sink = Sink.create("DG" + "1".repeat(32), "AC" + "2".repeat(32), "rabbit", SinkType.AMQP,
                Map.of("url", BROKER, "exchange", exchange), Instant.now());
        RoutedEvent gathered = new RoutedEvent("0-1700000000000-0", EventType.of("io.patchbay.call.gather.completed"), "node-a",
                sink.accountSid(), "CA" + "3".repeat(32), Instant.parse("2026-12-02T18:00:00Z"), 7, Map.of("digits", "42"), Map.of());
        transport.send(sink, "unused", List.of(gathered)).await(10, TimeUnit.SECONDS);

        RabbitMQMessage message = reader.basicGet(queue, true).await(10, TimeUnit.SECONDS);
        assertNotNull(message, "the queue bound to the exchange holds the event");
        Map<String, Object> headers = message.properties().getHeaders();
        assertEquals("0-1700000000000-0", String.valueOf(headers.get("cloudEvents:id")));
        assertEquals("io.patchbay.call.gather.completed", String.valueOf(headers.get("cloudEvents:type")));
        assertEquals("1.0", String.valueOf(headers.get("cloudEvents:specversion")));
        assertEquals(sink.accountSid(), String.valueOf(headers.get("cloudEvents:accountsid")));
        assertEquals("7", String.valueOf(headers.get("cloudEvents:sequence")));
        assertEquals("CA" + "3".repeat(32), String.valueOf(headers.get("cloudEvents:subject")));
        assertEquals("application/json", message.properties().getContentType());
        assertEquals("0-1700000000000-0", message.properties().getMessageId());
        assertEquals("42", Json.read(message.body().toString(), Map.class).get("digits"));
        assertEquals("io.patchbay.call.gather.completed", message.envelope().getRoutingKey());
    }
}
