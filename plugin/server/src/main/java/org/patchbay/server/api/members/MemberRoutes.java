package org.patchbay.server.api.members;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.queue.LiveQueues;
import org.patchbay.core.queue.Queue;
import org.patchbay.core.queue.QueueMember;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Page;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Paging;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.Records;
import org.patchbay.server.api.http.Reply;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code /Queues/{QueueSid}/Members}: the calls waiting in a queue, in line order (so positions are
 * where they stand now), fetched by call SID or {@code Front}, and dequeued to a document with
 * {@code Url} through {@link LiveQueues}.
 */
public final class MemberRoutes {
    private static final String FRONT = "Front";
    /** A queue holds at most Twilio's MaxSize of 5000 calls: the whole line is read to number it. */
    private static final int WHOLE_LINE = 5000;

    private final Store store;
    private final LiveQueues queues;

    public MemberRoutes(Store store, LiveQueues queues) {
        this.store = store;
        this.queues = queues;
    }

    public List<Endpoint> endpoints() {
        String one = "/Queues/{QueueSid}/Members/{CallSid}.json";
        return List.of(
                Endpoint.account(HttpMethod.GET, "/Queues/{QueueSid}/Members.json", this::list),
                Endpoint.account(HttpMethod.GET, one, this::fetch),
                Endpoint.account(HttpMethod.POST, one, this::update));
    }

    private Future<Reply> list(ApiRequest request) {
        Params params = request.params();
        Paging paging = Paging.from(params);
        Instant now = Instant.now();
        return line(request).map(line -> {
            List<JsonObject> shown = IntStream.range(0, line.size())
                    .skip(paging.offset()).limit(paging.pageSize())
                    .mapToObj(i -> MemberJson.of(line.get(i), i + 1, now)).toList();
            Page<JsonObject> page = new Page<>(shown, paging.offset(), paging.pageSize(), paging.offset() + shown.size() < line.size());
            return Reply.ok(paging.body("queue_members", shown, page, request.path(), params, List.of()));
        });
    }

    private Future<Reply> fetch(ApiRequest request) {
        String id = request.pathParam("CallSid");
        Instant now = Instant.now();
        return line(request).compose(line -> {
            int index = indexOf(line, id);
            return index < 0 ? Future.failedFuture(PatchbayException.notFound(request.path()))
                    : Future.succeededFuture(Reply.ok(MemberJson.of(line.get(index), index + 1, now)));
        });
    }

    /** {@code Url} (required) dequeues the member: its call leaves the line and runs that document. */
    private Future<Reply> update(ApiRequest request) {
        Params params = request.params();
        String url = params.url("Url");
        String method = params.method("Method");
        if (url == null || url.isEmpty()) {
            return Future.failedFuture(Params.invalid("Required parameter Url is missing"));
        }
        String id = request.pathParam("CallSid");
        Instant now = Instant.now();
        return line(request).compose(line -> {
            int index = indexOf(line, id);
            if (index < 0) {
                return Future.failedFuture(PatchbayException.notFound(request.path()));
            }
            QueueMember member = line.get(index);
            return queues.redirect(request.accountSid(), member.queueSid(), member.callSid(), url, method == null ? "POST" : method)
                    .map(left -> Reply.ok(MemberJson.of(member, index + 1, now)));
        });
    }

    /** The queue's waiting calls, first in line first; 404 for an unknown queue or another account's. */
    private Future<List<QueueMember>> line(ApiRequest request) {
        return Records.owned(store, Queue.KIND, Sids.QUEUE, request.accountSid(), request.pathParam("QueueSid"), request.path())
                .compose(queue -> store.of(QueueMember.KIND)
                        .list(request.accountSid(), m -> m.queueSid().equals(queue.sid()), 0, WHOLE_LINE))
                .map(page -> page.items().stream()
                        .sorted(Comparator.comparing(QueueMember::dateEnqueued).thenComparing(QueueMember::position)).toList());
    }

    private static int indexOf(List<QueueMember> line, String id) {
        if (FRONT.equals(id)) {
            return line.isEmpty() ? -1 : 0;
        }
        for (int i = 0; i < line.size(); i++) {
            if (line.get(i).callSid().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
