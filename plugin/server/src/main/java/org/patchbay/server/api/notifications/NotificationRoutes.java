package org.patchbay.server.api.notifications;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.notification.Notification;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Paging;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.Records;
import org.patchbay.server.api.http.Reply;
import org.patchbay.server.api.http.TwilioDates;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** {@code /Notifications}: what went wrong with the account's call applications, per account or per call. */
public final class NotificationRoutes {
    private static final List<String> FILTERS = List.of("Log", "MessageDate", "MessageDate<", "MessageDate>");

    private final Store store;

    public NotificationRoutes(Store store) {
        this.store = store;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.account(HttpMethod.GET, "/Notifications.json", this::list),
                Endpoint.account(HttpMethod.GET, "/Notifications/{Sid}.json", this::fetch),
                Endpoint.account(HttpMethod.DELETE, "/Notifications/{Sid}.json", this::delete),
                Endpoint.account(HttpMethod.GET, "/Calls/{CallSid}/Notifications.json", this::listForCall),
                Endpoint.account(HttpMethod.GET, "/Calls/{CallSid}/Notifications/{Sid}.json", this::fetchForCall));
    }

    private Future<Reply> list(ApiRequest request) {
        return page(request, filter(request.params()), false);
    }

    private Future<Reply> listForCall(ApiRequest request) {
        String callSid = request.pathParam("CallSid");
        if (!Sids.isSid(Sids.CALL, callSid)) {
            return Future.failedFuture(PatchbayException.notFound(request.path()));
        }
        return page(request, filter(request.params()).and(n -> callSid.equals(n.callSid())), true);
    }

    private Future<Reply> page(ApiRequest request, Predicate<Notification> filter, boolean underCall) {
        Paging paging = Paging.from(request.params());
        return store.of(Notification.KIND).list(request.accountSid(), filter, paging.offset(), paging.pageSize())
                .map(page -> Reply.ok(paging.body("notifications", page.items().stream()
                                .map(n -> NotificationJson.listItem(n, underCall ? NotificationJson.callUri(n) : NotificationJson.accountUri(n)))
                                .toList(),
                        page, request.path(), request.params(), FILTERS)));
    }

    private static Predicate<Notification> filter(Params params) {
        String log = params.choice("Log", Set.of("0", "1"));
        Predicate<Instant> dates = TwilioDates.filter(params, "MessageDate");
        return n -> (log == null || Integer.parseInt(log) == n.log()) && (dates == null || dates.test(n.messageDate()));
    }

    private Future<Reply> fetch(ApiRequest request) {
        return owned(request).map(n -> Reply.ok(NotificationJson.instance(n, NotificationJson.accountUri(n))));
    }

    private Future<Reply> fetchForCall(ApiRequest request) {
        return owned(request).compose(n -> n.callSid() != null && n.callSid().equals(request.pathParam("CallSid"))
                ? Future.succeededFuture(Reply.ok(NotificationJson.instance(n, NotificationJson.callUri(n))))
                : Future.failedFuture(PatchbayException.notFound(request.path())));
    }

    private Future<Reply> delete(ApiRequest request) {
        return owned(request).compose(n -> store.of(Notification.KIND).delete(n.sid())).map(v -> Reply.noContent());
    }

    private Future<Notification> owned(ApiRequest request) {
        return Records.owned(store, Notification.KIND, Sids.NOTIFICATION, request.accountSid(), request.pathParam("Sid"),
                request.path());
    }
}
