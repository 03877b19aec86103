package org.patchbay.core.events.sink;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where a sink delivers: an HTTP endpoint (Twilio's {@code webhook}), a Redis stream, or a RabbitMQ exchange. */
public enum SinkType {
    WEBHOOK("webhook"),
    REDIS_STREAM("redis-stream"),
    AMQP("amqp");

    private final String wireName;

    SinkType(String wireName) {
        this.wireName = wireName;
    }

    /** The name the API and stored records use ({@code webhook}, {@code redis-stream}, {@code amqp}). */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** @return the type of that wire name, or null when Patchbay has none */
    @JsonCreator
    public static SinkType fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst().orElse(null);
    }

    /** The wire names, for error messages. */
    public static String wireNames() {
        return Arrays.stream(values()).map(SinkType::wireName).collect(Collectors.joining(", "));
    }
}
