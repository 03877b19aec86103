package org.patchbay.server.api.events;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import org.patchbay.core.events.sink.Batching;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.Subscription;
import org.patchbay.core.events.sink.SubscriptionFilters;
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
import java.util.List;

/** {@code /v1/Subscriptions}: which of an account's events go to which of its sinks. */
final class SubscriptionRoutes {
    private final Store store;
    private final ResourceStore<Subscription> subscriptions;
    private final SubscribedTypes types;
    private final EventStreamsPorts router;
    private final String baseUrl;

    SubscriptionRoutes(Store store, SubscribedTypes types, EventStreamsPorts router, String baseUrl) {
        this.store = store;
        this.subscriptions = store.of(Subscription.KIND);
        this.types = types;
        this.router = router;
        this.baseUrl = baseUrl;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.v1(HttpMethod.POST, "/Subscriptions", this::create),
                Endpoint.v1(HttpMethod.GET, "/Subscriptions", this::list),
                Endpoint.v1(HttpMethod.GET, "/Subscriptions/{Sid}", this::fetch),
                Endpoint.v1(HttpMethod.POST, "/Subscriptions/{Sid}", this::update),
                Endpoint.v1(HttpMethod.DELETE, "/Subscriptions/{Sid}", this::delete));
    }

    private Future<Reply> create(ApiRequest request) {
        Params params = request.params();
        String description = SinkRoutes.description(params);
        String sinkSid = params.get("SinkSid");
        if (sinkSid == null || sinkSid.isBlank()) {
            return Future.failedFuture(SinkRoutes.missing("SinkSid"));
        }
        Instant now = Instant.now();
        Subscription subscription = new Subscription(Sids.next(Subscription.SID_PREFIX), request.accountSid(), sinkSid,
                description, types.read(params.all("Types")),
                SubscriptionOptions.filters(params, SubscriptionFilters.NONE),
                SubscriptionOptions.batching(params, Batching.DEFAULT), now, now);
        return sinkOf(request, sinkSid).compose(sink -> saved(subscription))
                .map(v -> Reply.created(SubscriptionJson.of(subscription, baseUrl)));
    }

    private Future<Reply> list(ApiRequest request) {
        Params params = request.params();
        Paging paging = Paging.from(params);
        String sinkSid = params.get("SinkSid");
        return subscriptions.list(request.accountSid(), s -> sinkSid == null || s.sinkSid().equals(sinkSid),
                        paging.offset(), paging.pageSize())
                .map(page -> Reply.ok(V1Paging.body("subscriptions",
                        page.items().stream().map(s -> SubscriptionJson.of(s, baseUrl)).toList(),
                        page, paging, baseUrl, request.path(), params, List.of("SinkSid"))));
    }

    private Future<Reply> fetch(ApiRequest request) {
        return owned(store, request, request.pathParam("Sid")).map(s -> Reply.ok(SubscriptionJson.of(s, baseUrl)));
    }

    /** Description, SinkSid and Patchbay's options; what is left out stays. */
    private Future<Reply> update(ApiRequest request) {
        Params params = request.params();
        return owned(store, request, request.pathParam("Sid")).compose(current -> {
            String description = params.has("Description") ? SinkRoutes.description(params) : null;
            String sinkSid = params.get("SinkSid");
            Instant now = Instant.now();
            Subscription updated = current.withFilters(SubscriptionOptions.filters(params, current.filters()),
                    SubscriptionOptions.batching(params, current.batching()), now);
            updated = description == null ? updated : updated.withDescription(description, now);
            Subscription result = sinkSid == null ? updated : updated.withSink(sinkSid, now);
            Future<Sink> sink = sinkSid == null ? Future.succeededFuture() : sinkOf(request, sinkSid);
            return sink.compose(v -> saved(result)).map(v -> Reply.ok(SubscriptionJson.of(result, baseUrl)));
        });
    }

    private Future<Reply> delete(ApiRequest request) {
        return owned(store, request, request.pathParam("Sid")).compose(s -> subscriptions.delete(s.sid())
                .onSuccess(v -> router.changes().changed(s.accountSid()))
                .map(v -> Reply.noContent()));
    }

    private Future<Void> saved(Subscription subscription) {
        return subscriptions.put(subscription).onSuccess(v -> router.changes().changed(subscription.accountSid()));
    }

    /** The account's own sink {@code sinkSid}, or a 400 naming it. */
    private Future<Sink> sinkOf(ApiRequest request, String sinkSid) {
        return store.of(Sink.KIND).get(request.accountSid(), Sids.isSid(Sink.SID_PREFIX, sinkSid) ? sinkSid : null)
                .compose(sink -> sink != null ? Future.succeededFuture(sink) : Future.failedFuture(
                        Params.invalid("SinkSid '" + Params.shorten(sinkSid) + "' is not a sink of this account")));
    }

    static Future<Subscription> owned(Store store, ApiRequest request, String sid) {
        return Records.owned(store, Subscription.KIND, Subscription.SID_PREFIX, request.accountSid(), sid, request.path());
    }
}
