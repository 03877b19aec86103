package org.patchbay.core.events.sink;

import java.util.Map;

/**
 * What a sink needs to deliver, read from the {@code SinkConfiguration} JSON object a client sends
 * (Twilio's field names where Twilio has the sink type). The sink keeps the object as sent; this is
 * its checked, typed reading, which the router delivers by.
 */
public sealed interface SinkConfiguration permits WebhookConfiguration, RedisStreamConfiguration, AmqpConfiguration {

    /**
     * @throws org.patchbay.core.error.PatchbayException (400) naming the field that is missing or wrong
     */
    static SinkConfiguration read(SinkType type, Map<String, Object> fields) {
        ConfigurationFields config = new ConfigurationFields(type, fields);
        return switch (type) {
            case WEBHOOK -> WebhookConfiguration.read(config);
            case REDIS_STREAM -> RedisStreamConfiguration.read(config);
            case AMQP -> AmqpConfiguration.read(config);
        };
    }
}
