package org.patchbay.core.events.sink;

import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A destination for an account's events (Twilio's Event Streams Sink).
 *
 * @param sinkConfiguration the configuration object as the client sent it (less null fields), echoed back by the API;
 *                          {@link #configuration()} is its checked reading
 * @param testId            the id the last test event carried, which Validate must be given back; null before any test
 */
public record Sink(
        String sid,
        String accountSid,
        String description,
        SinkType sinkType,
        Map<String, Object> sinkConfiguration,
        SinkStatus status,
        String testId,
        Instant dateCreated,
        Instant dateUpdated) implements Resource {

    public static final String SID_PREFIX = "DG";
    public static final ResourceKind<Sink> KIND = ResourceKind.of("event-sinks", Sink.class);

    public Sink {
        Map<String, Object> given = new LinkedHashMap<>(sinkConfiguration);
        given.values().removeIf(Objects::isNull);
        sinkConfiguration = Map.copyOf(given);
    }

    /** A sink as created: {@code initialized}, its configuration checked first. */
    public static Sink create(String sid, String accountSid, String description, SinkType type,
                              Map<String, Object> sinkConfiguration, Instant now) {
        SinkConfiguration.read(type, sinkConfiguration);
        return new Sink(sid, accountSid, description, type, sinkConfiguration, SinkStatus.initialized, null, now, now);
    }

    /** How to deliver to this sink. */
    public SinkConfiguration configuration() {
        return SinkConfiguration.read(sinkType, sinkConfiguration);
    }

    public Sink withDescription(String newDescription, Instant now) {
        return new Sink(sid, accountSid, newDescription, sinkType, sinkConfiguration, status, testId, dateCreated, now);
    }

    /**
     * A test event carrying {@code newTestId} is on its way: a new sink is {@code validating} until Validate; one
     * already receiving events keeps its status, so testing it again does not stop its deliveries.
     */
    public Sink testing(String newTestId, Instant now) {
        SinkStatus next = status == SinkStatus.initialized ? SinkStatus.validating : status;
        return new Sink(sid, accountSid, description, sinkType, sinkConfiguration, next, newTestId, dateCreated, now);
    }

    /** Whether {@code candidate} is the id of the test event this sink was last sent. */
    public boolean isTestId(String candidate) {
        return testId != null && testId.equals(candidate);
    }

    public Sink withStatus(SinkStatus newStatus, Instant now) {
        return new Sink(sid, accountSid, description, sinkType, sinkConfiguration, newStatus, testId, dateCreated, now);
    }
}
