package org.patchbay.adapters.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import org.patchbay.core.events.EventCatalog;
import org.patchbay.core.events.EventSchema;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.delivery.EventEncoding;
import org.patchbay.core.json.Json;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CloudEvents 1.0 through the CloudEvents Java SDK: {@code id} (the log's, the same on every redelivery),
 * {@code source} ({@code /patchbay/nodes/<node>}), {@code type}, {@code time}, {@code subject} (the CallSid),
 * {@code dataschema} (the catalog's schema on this Patchbay's public URL), {@code datacontenttype}
 * application/json, and the extensions {@code accountsid} and {@code sequence}.
 */
public final class CloudEventsEncoding implements EventEncoding {
    private static final EventFormat JSON = new JsonFormat();

    private final String publicUrl;
    private final EventCatalog catalog;

    public CloudEventsEncoding(String publicUrl, EventCatalog catalog) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.catalog = catalog;
    }

    public CloudEvent cloudEvent(RoutedEvent event) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(source(event.source()))
                .withType(event.type().name())
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withData("application/json", data(event).getBytes(StandardCharsets.UTF_8));
        // CloudEvents integers are 32-bit: a sequence beyond that (never seen on one call) travels as its decimal string
        if (event.sequence() <= Integer.MAX_VALUE) {
            builder.withExtension("sequence", (int) event.sequence());
        } else {
            builder.withExtension("sequence", Long.toString(event.sequence()));
        }
        if (event.accountSid() != null) {
            builder.withExtension("accountsid", event.accountSid());
        }
        if (event.subject() != null) {
            builder.withSubject(event.subject());
        }
        catalog.schemaOf(event.type()).map(EventSchema::path).ifPresent(path -> builder.withDataSchema(URI.create(publicUrl + path)));
        return builder.build();
    }

    @Override
    public String structured(RoutedEvent event) {
        return new String(JSON.serialize(cloudEvent(event)), StandardCharsets.UTF_8);
    }

    @Override
    public String batch(List<RoutedEvent> events) {
        return events.stream().map(this::structured).collect(Collectors.joining(",", "[", "]"));
    }

    @Override
    public Map<String, Object> attributes(RoutedEvent event) {
        CloudEvent cloudEvent = cloudEvent(event);
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (String name : cloudEvent.getAttributeNames()) {
            Object value = cloudEvent.getAttribute(name);
            if (value != null) {
                attributes.put(name, value.toString());
            }
        }
        for (String name : cloudEvent.getExtensionNames()) {
            attributes.put(name, cloudEvent.getExtension(name));
        }
        return attributes;
    }

    @Override
    public String data(RoutedEvent event) {
        return Json.write(event.data());
    }

    private static URI source(String node) {
        return URI.create("/patchbay/nodes/" + URLEncoder.encode(node == null ? "unknown" : node, StandardCharsets.UTF_8));
    }
}
