package org.patchbay.core.events.sink;

import java.net.URI;
import java.util.Set;

/**
 * A RabbitMQ exchange: {@code url} (amqp or amqps, credentials in its user info), {@code exchange} (required;
 * an empty string is the default exchange) and {@code routing_key} (optional; when absent each event is
 * published with its type as routing key, so topic bindings can select types).
 */
public record AmqpConfiguration(URI url, String exchange, String routingKey) implements SinkConfiguration {

    static AmqpConfiguration read(ConfigurationFields config) {
        URI url = config.requiredUrl("url", Set.of("amqp", "amqps"));
        String exchange = config.optionalText("exchange", null);
        if (exchange == null) {
            throw config.invalid("exchange", "is required (an empty string is the default exchange)");
        }
        String routingKey = config.optionalText("routing_key", null);
        return new AmqpConfiguration(url, exchange, routingKey == null || routingKey.isEmpty() ? null : routingKey);
    }

    /** The routing key an event of {@code eventType} is published with. */
    public String routingKeyFor(String eventType) {
        return routingKey == null ? eventType : routingKey;
    }
}
