package org.patchbay.adapters.events;

import com.rabbitmq.client.AMQP;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQOptions;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.delivery.EventEncoding;
import org.patchbay.core.events.delivery.SinkTransport;
import org.patchbay.core.events.sink.AmqpConfiguration;
import org.patchbay.core.events.sink.Sink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes to a RabbitMQ exchange in the CloudEvents AMQP binding's binary mode: the body is the event's data
 * (application/json) and every attribute and extension travels as an application header named
 * {@code cloudEvents:<name>} (id, source, type, time, subject, dataschema, specversion, accountsid, sequence);
 * the message id is the event id, so a consumer can deduplicate. Publisher confirms make a publish succeed only
 * once the broker has the message. One connection per broker URL, opened on first use.
 */
public final class AmqpTransport implements SinkTransport {
    public static final String HEADER_PREFIX = "cloudEvents:";

    private final Vertx vertx;
    private final EventEncoding encoding;
    private final Duration timeout;
    private final Map<String, Future<RabbitMQClient>> brokers = new ConcurrentHashMap<>();

    public AmqpTransport(Vertx vertx, EventEncoding encoding, Duration timeout) {
        this.vertx = vertx;
        this.encoding = encoding;
        this.timeout = timeout;
    }

    @Override
    public Future<Void> send(Sink sink, String signingKey, List<RoutedEvent> events) {
        AmqpConfiguration amqp = (AmqpConfiguration) sink.configuration();
        return broker(amqp.url().toString()).compose(client -> {
            List<Future<Void>> published = new ArrayList<>();
            for (RoutedEvent event : events) {
                published.add(client.basicPublish(amqp.exchange(), amqp.routingKeyFor(event.type().name()), properties(event),
                        Buffer.buffer(encoding.data(event))));
            }
            return Future.all(published).compose(v -> client.waitForConfirms(timeout.toMillis()));
        }).onFailure(e -> forgetBroken(amqp.url().toString()));
    }

    @Override
    public Future<Void> close() {
        List<Future<Void>> stopping = new ArrayList<>();
        brokers.values().forEach(client -> stopping.add(client.compose(RabbitMQClient::stop).recover(e -> Future.succeededFuture())));
        brokers.clear();
        return Future.join(stopping).mapEmpty();
    }

    private AMQP.BasicProperties properties(RoutedEvent event) {
        Map<String, Object> headers = new LinkedHashMap<>();
        encoding.attributes(event).forEach((name, value) -> {
            if (!name.equals("datacontenttype")) {
                headers.put(HEADER_PREFIX + name, value instanceof Number ? value : String.valueOf(value));
            }
        });
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .messageId(event.id())
                .type(event.type().name())
                .timestamp(Date.from(event.time()))
                .deliveryMode(2)
                .headers(headers)
                .build();
    }

    private Future<RabbitMQClient> broker(String url) {
        return brokers.computeIfAbsent(url, u -> {
            RabbitMQClient client = RabbitMQClient.create(vertx, new RabbitMQOptions().setUri(u)
                    .setConnectionTimeout((int) timeout.toMillis()).setAutomaticRecoveryEnabled(true));
            return client.start().compose(v -> client.confirmSelect()).map(client);
        });
    }

    private void forgetBroken(String url) {
        Future<RabbitMQClient> known = brokers.get(url);
        if (known != null && known.failed()) {
            brokers.remove(url, known);
        }
    }
}
