package org.patchbay.server.api.recordings;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.recording.Recording;
import org.patchbay.core.recording.RecordingMedia;
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
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Recording metadata: {@code /Recordings} for the whole account and {@code /Calls/{CallSid}/Recordings}
 * for one call. Deleting a recording removes its audio from the PBX first, then its record.
 */
public final class RecordingRoutes {
    private static final List<String> FILTERS = List.of("DateCreated", "DateCreated<", "DateCreated>", "CallSid", "ConferenceSid");
    private static final List<String> CALL_FILTERS = List.of("DateCreated", "DateCreated<", "DateCreated>");

    private final Store store;
    private final RecordingMedia media;
    private final String publicBaseUrl;

    public RecordingRoutes(Store store, RecordingMedia media, String publicBaseUrl) {
        this.store = store;
        this.media = media;
        this.publicBaseUrl = publicBaseUrl;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.account(HttpMethod.GET, "/Recordings.json", this::list),
                Endpoint.account(HttpMethod.GET, "/Recordings/{Sid}.json", this::fetch),
                Endpoint.account(HttpMethod.DELETE, "/Recordings/{Sid}.json", this::delete),
                Endpoint.account(HttpMethod.DELETE, "/Recordings/{Sid}", this::delete),
                Endpoint.account(HttpMethod.GET, "/Calls/{CallSid}/Recordings.json", this::listForCall),
                Endpoint.account(HttpMethod.GET, "/Calls/{CallSid}/Recordings/{Sid}.json", this::fetchForCall),
                Endpoint.account(HttpMethod.DELETE, "/Calls/{CallSid}/Recordings/{Sid}.json", this::deleteForCall));
    }

    private Future<Reply> list(ApiRequest request) {
        Params params = request.params();
        String callSid = params.text("CallSid", 34);
        String conferenceSid = params.text("ConferenceSid", 34);
        Predicate<Recording> filter = created(params).and(r -> (callSid == null || callSid.equals(r.callSid()))
                && (conferenceSid == null || conferenceSid.equals(r.conferenceSid())));
        return page(request, filter, FILTERS, r -> RecordingJson.of(r, publicBaseUrl));
    }

    private Future<Reply> listForCall(ApiRequest request) {
        String callSid = request.pathParam("CallSid");
        if (!Sids.isSid(Sids.CALL, callSid)) {
            return Future.failedFuture(PatchbayException.notFound(request.path()));
        }
        Predicate<Recording> filter = created(request.params()).and(r -> callSid.equals(r.callSid()));
        return page(request, filter, CALL_FILTERS, RecordingJson::ofCall);
    }

    private Future<Reply> page(ApiRequest request, Predicate<Recording> filter, List<String> filters,
                               Function<Recording, JsonObject> json) {
        Paging paging = Paging.from(request.params());
        return store.of(Recording.KIND).list(request.accountSid(), filter, paging.offset(), paging.pageSize())
                .map(page -> Reply.ok(paging.body("recordings", page.items().stream().map(json).toList(),
                        page, request.path(), request.params(), filters)));
    }

    private static Predicate<Recording> created(Params params) {
        Predicate<Instant> dates = TwilioDates.filter(params, "DateCreated");
        return r -> dates == null || dates.test(r.dateCreated());
    }

    private Future<Reply> fetch(ApiRequest request) {
        return owned(request).map(r -> Reply.ok(RecordingJson.of(r, publicBaseUrl)));
    }

    private Future<Reply> fetchForCall(ApiRequest request) {
        return ownedByCall(request).map(r -> Reply.ok(RecordingJson.ofCall(r)));
    }

    private Future<Reply> delete(ApiRequest request) {
        return owned(request).compose(this::remove);
    }

    private Future<Reply> deleteForCall(ApiRequest request) {
        return ownedByCall(request).compose(this::remove);
    }

    private Future<Reply> remove(Recording recording) {
        return media.delete(recording)
                .compose(v -> store.of(Recording.KIND).delete(recording.sid()))
                .map(v -> Reply.noContent());
    }

    private Future<Recording> owned(ApiRequest request) {
        return Records.owned(store, Recording.KIND, Sids.RECORDING, request.accountSid(), request.pathParam("Sid"), request.path());
    }

    private Future<Recording> ownedByCall(ApiRequest request) {
        return owned(request).compose(r -> r.callSid() != null && r.callSid().equals(request.pathParam("CallSid"))
                ? Future.succeededFuture(r)
                : Future.failedFuture(PatchbayException.notFound(request.path())));
    }
}
