package org.patchbay.server.api.events;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.SinkStatus;
import org.patchbay.core.events.sink.SinkType;
import org.patchbay.core.events.sink.Subscription;
import org.patchbay.core.json.Json;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Paging;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.Records;
import org.patchbay.server.api.http.Reply;
import org.patchbay.server.api.http.V1Paging;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** {@code /v1/Sinks}: where an account's events go, and the Test/Validate handshake that proves a sink receives. */
final class SinkRoutes {
    static final int MAX_DESCRIPTION = 255;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final Store store;
    private final ResourceStore<Sink> sinks;
    private final AccountSubscriptions subscriptions;
    private final EventStreamsPorts router;
    private final String baseUrl;

    SinkRoutes(Store store, AccountSubscriptions subscriptions, EventStreamsPorts router, String baseUrl) {
        this.store = store;
        this.sinks = store.of(Sink.KIND);
        this.subscriptions = subscriptions;
        this.router = router;
        this.baseUrl = baseUrl;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.v1(HttpMethod.POST, "/Sinks", this::create),
                Endpoint.v1(HttpMethod.GET, "/Sinks", this::list),
                Endpoint.v1(HttpMethod.GET, "/Sinks/{Sid}", this::fetch),
                Endpoint.v1(HttpMethod.POST, "/Sinks/{Sid}", this::update),
                Endpoint.v1(HttpMethod.DELETE, "/Sinks/{Sid}", this::delete),
                Endpoint.v1(HttpMethod.POST, "/Sinks/{Sid}/Test", this::test),
                Endpoint.v1(HttpMethod.POST, "/Sinks/{Sid}/Validate", this::validate));
    }

    private Future<Reply> create(ApiRequest request) {
        Params params = request.params();
        String description = description(params);
        SinkType type = sinkType(params);
        Map<String, Object> configuration = configuration(params);
        Sink sink = Sink.create(Sids.next(Sink.SID_PREFIX), request.accountSid(), description, type, configuration, Instant.now());
        return saved(sink).map(v -> Reply.created(SinkJson.of(sink, baseUrl)));
    }

    private Future<Reply> list(ApiRequest request) {
        Params params = request.params();
        Paging paging = Paging.from(params);
        Boolean inUse = params.bool("InUse");
        String status = params.choice("Status", EnumSet.allOf(SinkStatus.class).stream().map(Enum::name).collect(Collectors.toSet()));
        Future<Set<String>> used = inUse == null ? Future.succeededFuture(Set.of()) : subscriptions.sinkSidsInUse(request.accountSid());
        return used.compose(usedSids -> {
            Predicate<Sink> filter = sink -> (status == null || sink.status().name().equals(status))
                    && (inUse == null || usedSids.contains(sink.sid()) == inUse);
            return sinks.list(request.accountSid(), filter, paging.offset(), paging.pageSize());
        }).map(page -> Reply.ok(V1Paging.body("sinks", page.items().stream().map(sink -> SinkJson.of(sink, baseUrl)).toList(),
                page, paging, baseUrl, request.path(), params, List.of("InUse", "Status"))));
    }

    private Future<Reply> fetch(ApiRequest request) {
        return owned(request).map(sink -> Reply.ok(SinkJson.of(sink, baseUrl)));
    }

    private Future<Reply> update(ApiRequest request) {
        return owned(request).compose(sink -> {
            Sink updated = sink.withDescription(description(request.params()), Instant.now());
            return saved(updated).map(v -> Reply.ok(SinkJson.of(updated, baseUrl)));
        });
    }

    /** A sink that subscriptions still send to stays: deleting it would silently drop their events. */
    private Future<Reply> delete(ApiRequest request) {
        return owned(request).compose(sink -> subscriptions.sinkSidsInUse(sink.accountSid()).compose(used -> {
            if (used.contains(sink.sid())) {
                return Future.failedFuture(Params.invalid("Sink " + sink.sid()
                        + " is in use by a subscription: delete its subscriptions or move them to another sink first"));
            }
            return sinks.delete(sink.sid()).onSuccess(v -> router.changes().changed(sink.accountSid()))
                    .map(v -> Reply.noContent());
        }));
    }

    /** A new sink waits in {@code validating} for the id of the test event sent to it now. */
    private Future<Reply> test(ApiRequest request) {
        return owned(request).compose(sink -> {
            Sink testing = sink.testing(UUID.randomUUID().toString(), Instant.now());
            return saved(testing)
                    .compose(v -> router.tester().sendTest(testing, testing.testId()))
                    .map(v -> Reply.created(new JsonObject().put("result", "submitted")));
        });
    }

    /** Parameters are read once the sink is known to be the caller's, so a stranger learns nothing from them. */
    private Future<Reply> validate(ApiRequest request) {
        return owned(request).compose(sink -> {
            String testId = request.params().get("TestId");
            if (testId == null || testId.isBlank()) {
                return Future.failedFuture(missing("TestId"));
            }
            if (!sink.isTestId(testId)) {
                return Future.failedFuture(Params.invalid("TestId '" + Params.shorten(testId)
                        + "' is not the id of the last test event sent to sink " + sink.sid() + " (POST its /Test first)"));
            }
            Sink active = sink.withStatus(SinkStatus.active, Instant.now());
            return saved(active).map(v -> Reply.created(new JsonObject().put("result", "valid")));
        });
    }

    private Future<Void> saved(Sink sink) {
        return sinks.put(sink).onSuccess(v -> router.changes().changed(sink.accountSid()));
    }

    private Future<Sink> owned(ApiRequest request) {
        return Records.owned(store, Sink.KIND, Sink.SID_PREFIX, request.accountSid(), request.pathParam("Sid"), request.path());
    }

    static String description(Params params) {
        String description = params.text("Description", MAX_DESCRIPTION);
        if (description == null || description.isBlank()) {
            throw missing("Description");
        }
        return description;
    }

    private static SinkType sinkType(Params params) {
        String name = params.get("SinkType");
        if (name == null || name.isBlank()) {
            throw missing("SinkType");
        }
        SinkType type = SinkType.fromWireName(name);
        if (type == null) {
            throw Params.invalid("SinkType '" + Params.shorten(name) + "' is not one Patchbay delivers to: use "
                    + SinkType.wireNames());
        }
        return type;
    }

    private static Map<String, Object> configuration(Params params) {
        String text = params.get("SinkConfiguration");
        if (text == null || text.isBlank()) {
            throw missing("SinkConfiguration");
        }
        try {
            Map<String, Object> configuration = Json.MAPPER.readValue(text, OBJECT);
            if (configuration == null) {
                throw new IllegalArgumentException("null");
            }
            return configuration;
        } catch (Exception e) {
            throw Params.invalid("SinkConfiguration must be a JSON object, such as {\"destination\":"
                    + "\"https://example.com/events\",\"method\":\"POST\",\"batch_events\":false}");
        }
    }

    static PatchbayException missing(String name) {
        return PatchbayException.badRequest(ErrorCode.INVALID_PARAMETER, "Missing required parameter " + name + " in the post body");
    }
}
