package org.patchbay.server.api.applications;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import org.patchbay.core.application.Application;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Paging;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.Records;
import org.patchbay.server.api.http.Reply;

import java.time.Instant;
import java.util.List;

/** {@code /Applications}: named sets of voice URLs that numbers and outbound calls can point at. */
public final class ApplicationRoutes {
    private final Store store;
    private final ResourceStore<Application> applications;

    public ApplicationRoutes(Store store) {
        this.store = store;
        this.applications = store.of(Application.KIND);
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.account(HttpMethod.POST, "/Applications.json", this::create),
                Endpoint.account(HttpMethod.GET, "/Applications.json", this::list),
                Endpoint.account(HttpMethod.GET, "/Applications/{Sid}.json", this::fetch),
                Endpoint.account(HttpMethod.POST, "/Applications/{Sid}.json", this::update),
                Endpoint.account(HttpMethod.DELETE, "/Applications/{Sid}.json", this::delete));
    }

    private Future<Reply> create(ApiRequest request) {
        Instant now = Instant.now();
        Application created = apply(new Application(Sids.next(Sids.APPLICATION), request.accountSid(), null,
                null, "POST", null, "POST", null, "POST", now, now), request.params(), now);
        return applications.put(created).map(v -> Reply.created(ApplicationJson.of(created)));
    }

    private Future<Reply> list(ApiRequest request) {
        Params params = request.params();
        Paging paging = Paging.from(params);
        String name = params.friendlyName();
        return applications.list(request.accountSid(), app -> name == null || name.equals(app.friendlyName()),
                        paging.offset(), paging.pageSize())
                .map(page -> Reply.ok(paging.body("applications", page.items().stream().map(ApplicationJson::of).toList(),
                        page, request.path(), params, List.of("FriendlyName"))));
    }

    private Future<Reply> fetch(ApiRequest request) {
        return owned(request).map(app -> Reply.ok(ApplicationJson.of(app)));
    }

    private Future<Reply> update(ApiRequest request) {
        return owned(request).compose(app -> {
            Application updated = apply(app, request.params(), Instant.now());
            return applications.put(updated).map(v -> Reply.ok(ApplicationJson.of(updated)));
        });
    }

    private Future<Reply> delete(ApiRequest request) {
        return owned(request).compose(app -> applications.delete(app.sid())).map(v -> Reply.noContent());
    }

    /** The application with the request's FriendlyName and voice settings applied. */
    private static Application apply(Application app, Params params, Instant now) {
        VoiceFields voice = new VoiceFields(app.voiceUrl(), app.voiceMethod(), app.voiceFallbackUrl(),
                app.voiceFallbackMethod(), app.statusCallback(), app.statusCallbackMethod()).updatedBy(params);
        String name = params.friendlyName();
        return new Application(app.sid(), app.accountSid(), name == null ? app.friendlyName() : name,
                voice.voiceUrl(), voice.voiceMethod(), voice.voiceFallbackUrl(), voice.voiceFallbackMethod(),
                voice.statusCallback(), voice.statusCallbackMethod(), app.dateCreated(), now);
    }

    private Future<Application> owned(ApiRequest request) {
        return Records.owned(store, Application.KIND, Sids.APPLICATION, request.accountSid(), request.pathParam("Sid"),
                request.path());
    }
}
