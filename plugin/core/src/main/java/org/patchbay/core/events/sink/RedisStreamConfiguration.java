package org.patchbay.core.events.sink;

/**
 * A Redis stream on Patchbay's own Redis: {@code stream_key} (required) and {@code max_length} (optional;
 * the stream is trimmed to about that many entries, unbounded when absent).
 */
public record RedisStreamConfiguration(String streamKey, Long maxLength) implements SinkConfiguration {

    static RedisStreamConfiguration read(ConfigurationFields config) {
        return new RedisStreamConfiguration(config.requiredText("stream_key"), config.optionalPositive("max_length"));
    }
}
