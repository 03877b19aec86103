package org.patchbay.server.api.conferences;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import org.patchbay.core.conference.Conference;
import org.patchbay.core.conference.LiveConferences;
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

/**
 * {@code /Conferences}: the conferences {@code <Dial><Conference>} opened, listed and fetched from the
 * store (so every node's rooms show), and ended through {@link LiveConferences}.
 */
public final class ConferenceRoutes {
    static final List<String> FILTERS = List.of("FriendlyName", "Status",
            "DateCreated", "DateCreated<", "DateCreated>", "DateUpdated", "DateUpdated<", "DateUpdated>");
    private static final Set<String> STATUSES = Set.of("init", "in-progress", "completed");

    private final Store store;
    private final LiveConferences conferences;

    public ConferenceRoutes(Store store, LiveConferences conferences) {
        this.store = store;
        this.conferences = conferences;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.account(HttpMethod.GET, "/Conferences.json", this::list),
                Endpoint.account(HttpMethod.GET, "/Conferences/{Sid}.json", this::fetch),
                Endpoint.account(HttpMethod.POST, "/Conferences/{Sid}.json", this::update));
    }

    private Future<Reply> list(ApiRequest request) {
        Params params = request.params();
        Paging paging = Paging.from(params);
        String name = params.text("FriendlyName", Params.MAX_FRIENDLY_NAME * 4);
        String status = params.choice("Status", STATUSES);
        Predicate<Instant> created = TwilioDates.filter(params, "DateCreated");
        Predicate<Instant> updated = TwilioDates.filter(params, "DateUpdated");
        Predicate<Conference> filter = c -> (name == null || name.equals(c.friendlyName()))
                && (status == null || status.equals(c.status()))
                && (created == null || created.test(c.dateCreated()))
                && (updated == null || updated.test(c.dateUpdated()));
        return store.of(Conference.KIND).list(request.accountSid(), filter, paging.offset(), paging.pageSize())
                .map(page -> Reply.ok(paging.body("conferences", page.items().stream().map(ConferenceJson::of).toList(),
                        page, request.path(), params, FILTERS)));
    }

    private Future<Reply> fetch(ApiRequest request) {
        return owned(request).map(conference -> Reply.ok(ConferenceJson.of(conference)));
    }

    /**
     * {@code Status=completed} ends a live conference (a finished one is answered as it is); otherwise
     * {@code AnnounceUrl} plays its document's Say and Play to everyone in the conference.
     */
    private Future<Reply> update(ApiRequest request) {
        Params params = request.params();
        String status = params.choice("Status", Set.of("completed"));
        String announce = params.url("AnnounceUrl");
        String announceMethod = params.method("AnnounceMethod");
        String account = request.accountSid();
        return owned(request).compose(conference -> {
                    if (status != null) {
                        return "completed".equals(conference.status()) ? Future.succeededFuture(conference)
                                : conferences.end(account, conference.sid());
                    }
                    if (announce != null && !announce.isEmpty()) {
                        return conferences.announce(account, conference.sid(), null, announce,
                                announceMethod == null ? "POST" : announceMethod).map(conference);
                    }
                    return Future.succeededFuture(conference);
                })
                .map(conference -> Reply.ok(ConferenceJson.of(conference)));
    }

    private Future<Conference> owned(ApiRequest request) {
        return Records.owned(store, Conference.KIND, Sids.CONFERENCE, request.accountSid(), request.pathParam("Sid"), request.path());
    }
}
