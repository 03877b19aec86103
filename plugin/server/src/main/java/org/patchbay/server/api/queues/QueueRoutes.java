package org.patchbay.server.api.queues;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.queue.LiveQueues;
import org.patchbay.core.queue.Queue;
import org.patchbay.core.queue.QueueMember;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Paging;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.Records;
import org.patchbay.server.api.http.Reply;

import java.time.Instant;
import java.util.List;

/**
 * {@code /Queues}: the queues {@code <Enqueue>} fills, created ahead or made on first use. Changes go
 * through {@link LiveQueues} so that a line callers wait in takes the new name and size at once.
 */
public final class QueueRoutes {
    /** Twilio's largest MaxSize. */
    static final int MAX_SIZE = 5000;

    private final Store store;
    private final LiveQueues queues;

    public QueueRoutes(Store store, LiveQueues queues) {
        this.store = store;
        this.queues = queues;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.account(HttpMethod.POST, "/Queues.json", this::create),
                Endpoint.account(HttpMethod.GET, "/Queues.json", this::list),
                Endpoint.account(HttpMethod.GET, "/Queues/{Sid}.json", this::fetch),
                Endpoint.account(HttpMethod.POST, "/Queues/{Sid}.json", this::update),
                Endpoint.account(HttpMethod.DELETE, "/Queues/{Sid}.json", this::delete));
    }

    private Future<Reply> create(ApiRequest request) {
        Params params = request.params();
        String name = params.friendlyName();
        if (name == null || name.isBlank()) {
            return Future.failedFuture(Params.invalid("Required parameter FriendlyName is missing"));
        }
        Integer maxSize = params.integer("MaxSize", 1, MAX_SIZE);
        Instant now = Instant.now();
        Queue queue = new Queue(Sids.next(Sids.QUEUE), request.accountSid(), name, 0,
                maxSize == null ? Queue.DEFAULT_MAX_SIZE : maxSize, 0, now, now);
        return nameFree(request.accountSid(), name, null)
                .compose(v -> queues.save(queue))
                .map(saved -> Reply.created(QueueJson.of(saved)));
    }

    private Future<Reply> list(ApiRequest request) {
        Params params = request.params();
        Paging paging = Paging.from(params);
        return store.of(Queue.KIND).list(request.accountSid(), q -> true, paging.offset(), paging.pageSize())
                .map(page -> Reply.ok(paging.body("queues", page.items().stream().map(QueueJson::of).toList(),
                        page, request.path(), params, List.of())));
    }

    private Future<Reply> fetch(ApiRequest request) {
        return owned(request).map(queue -> Reply.ok(QueueJson.of(queue)));
    }

    private Future<Reply> update(ApiRequest request) {
        Params params = request.params();
        String name = params.friendlyName();
        Integer maxSize = params.integer("MaxSize", 1, MAX_SIZE);
        return owned(request).compose(queue -> {
            String newName = name == null || name.isBlank() ? queue.friendlyName() : name;
            Queue changed = new Queue(queue.sid(), queue.accountSid(), newName, queue.currentSize(),
                    maxSize == null ? queue.maxSize() : maxSize, queue.averageWaitTime(), queue.dateCreated(), Instant.now());
            return nameFree(queue.accountSid(), newName, queue.sid()).compose(v -> queues.save(changed));
        }).map(saved -> Reply.ok(QueueJson.of(saved)));
    }

    /** Refused while calls wait in the queue (or agents wait for callers), as Twilio refuses a queue with members. */
    private Future<Reply> delete(ApiRequest request) {
        return owned(request).compose(queue -> store.of(QueueMember.KIND)
                .list(request.accountSid(), m -> m.queueSid().equals(queue.sid()), 0, 1)
                .compose(members -> members.items().isEmpty() ? queues.remove(queue) : Future.succeededFuture(false))
                .compose(removed -> removed ? Future.succeededFuture(Reply.noContent())
                        : Future.failedFuture(PatchbayException.badRequest(ErrorCode.INVALID_PARAMETER,
                        "Queue " + queue.sid() + " cannot be deleted while calls wait in it"))));
    }

    private Future<Void> nameFree(String accountSid, String name, String ownSid) {
        return store.of(Queue.KIND).findBy(Queue.BY_NAME, Queue.key(accountSid, name)).compose(taken ->
                taken == null || taken.sid().equals(ownSid) ? Future.succeededFuture()
                        : Future.failedFuture(Params.invalid("A queue named '" + name + "' already exists")));
    }

    private Future<Queue> owned(ApiRequest request) {
        return Records.owned(store, Queue.KIND, Sids.QUEUE, request.accountSid(), request.pathParam("Sid"), request.path());
    }
}
