package org.patchbay.server.api.events;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.events.sink.SubscribedType;
import org.patchbay.core.events.sink.Subscription;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Paging;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.Reply;
import org.patchbay.server.api.http.V1Paging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /v1/Subscriptions/{SubscriptionSid}/SubscribedEvents}: a subscription's event types, one by one. */
final class SubscribedEventRoutes {
    private static final String BASE = "/Subscriptions/{SubscriptionSid}/SubscribedEvents";

    private final Store store;
    private final SubscribedTypes types;
    private final EventStreamsPorts router;
    private final String baseUrl;

    SubscribedEventRoutes(Store store, SubscribedTypes types, EventStreamsPorts router, String baseUrl) {
        this.store = store;
        this.types = types;
        this.router = router;
        this.baseUrl = baseUrl;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.v1(HttpMethod.GET, BASE, this::list),
                Endpoint.v1(HttpMethod.POST, BASE, this::create),
                Endpoint.v1(HttpMethod.GET, BASE + "/{Type}", this::fetch),
                Endpoint.v1(HttpMethod.POST, BASE + "/{Type}", this::update),
                Endpoint.v1(HttpMethod.DELETE, BASE + "/{Type}", this::delete));
    }

    private Future<Reply> list(ApiRequest request) {
        Params params = request.params();
        Paging paging = Paging.from(params);
        return subscription(request).map(subscription -> {
            var page = V1Paging.slice(subscription.types(), paging);
            return Reply.ok(V1Paging.body("types", page.items().stream()
                    .map(type -> SubscriptionJson.subscribedEvent(subscription, type, baseUrl)).toList(),
                    page, paging, baseUrl, request.path(), params, List.of()));
        });
    }

    /** Adds a type, or sets the schema version of one the subscription has. */
    private Future<Reply> create(ApiRequest request) {
        return subscription(request).compose(subscription -> {
            String name = request.params().get("Type");
            if (name == null || name.isBlank()) {
                return Future.failedFuture(SinkRoutes.missing("Type"));
            }
            SubscribedType type = types.known(name, schemaVersion(request.params()));
            return saved(subscription, with(subscription, type))
                    .map(saved -> Reply.created(SubscriptionJson.subscribedEvent(saved, type, baseUrl)));
        });
    }

    private Future<Reply> fetch(ApiRequest request) {
        return subscription(request).map(subscription -> Reply.ok(SubscriptionJson.subscribedEvent(subscription,
                subscribed(subscription, request), baseUrl)));
    }

    private Future<Reply> update(ApiRequest request) {
        return subscription(request).compose(subscription -> {
            SubscribedType current = subscribed(subscription, request);
            Integer version = schemaVersion(request.params());
            SubscribedType type = types.known(current.type(), version == null ? current.schemaVersion() : version);
            return saved(subscription, with(subscription, type))
                    .map(saved -> Reply.ok(SubscriptionJson.subscribedEvent(saved, type, baseUrl)));
        });
    }

    private Future<Reply> delete(ApiRequest request) {
        return subscription(request).compose(subscription -> {
            SubscribedType removed = subscribed(subscription, request);
            List<SubscribedType> rest = subscription.types().stream().filter(type -> !type.equals(removed)).toList();
            if (rest.isEmpty()) {
                return Future.failedFuture(Params.invalid("A subscription needs at least one type: delete the subscription instead"));
            }
            return saved(subscription, rest).map(v -> Reply.noContent());
        });
    }

    private static List<SubscribedType> with(Subscription subscription, SubscribedType type) {
        List<SubscribedType> updated = new ArrayList<>(subscription.types());
        updated.removeIf(existing -> existing.type().equals(type.type()));
        updated.add(type);
        return updated;
    }

    private Future<Subscription> saved(Subscription subscription, List<SubscribedType> newTypes) {
        Subscription updated = subscription.withTypes(newTypes, Instant.now());
        return store.of(Subscription.KIND).put(updated)
                .onSuccess(v -> router.changes().changed(updated.accountSid()))
                .map(v -> updated);
    }

    private static SubscribedType subscribed(Subscription subscription, ApiRequest request) {
        String name = request.pathParam("Type");
        Optional<SubscribedType> found = subscription.types().stream().filter(type -> type.type().equals(name)).findFirst();
        return found.orElseThrow(() -> PatchbayException.notFound(request.path()));
    }

    private static Integer schemaVersion(Params params) {
        return params.integer("SchemaVersion", 1, Integer.MAX_VALUE);
    }

    private Future<Subscription> subscription(ApiRequest request) {
        return SubscriptionRoutes.owned(store, request, request.pathParam("SubscriptionSid"));
    }
}
