package org.patchbay.server.api.keys;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import org.patchbay.core.account.ApiKey;
import org.patchbay.core.account.RevokedKey;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Paging;
import org.patchbay.server.api.http.Records;
import org.patchbay.server.api.http.Reply;

import java.time.Instant;
import java.util.List;

/** {@code /Accounts/{AccountSid}/Keys}: standard API keys, a second, revocable credential of an account. */
public final class KeyRoutes {
    private final Store store;
    private final ResourceStore<ApiKey> keys;

    public KeyRoutes(Store store) {
        this.store = store;
        this.keys = store.of(ApiKey.KIND);
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.accountAdmin(HttpMethod.POST, "/Keys.json", this::create),
                Endpoint.accountAdmin(HttpMethod.GET, "/Keys.json", this::list),
                Endpoint.accountAdmin(HttpMethod.GET, "/Keys/{Sid}.json", this::fetch),
                Endpoint.accountAdmin(HttpMethod.POST, "/Keys/{Sid}.json", this::update),
                Endpoint.accountAdmin(HttpMethod.DELETE, "/Keys/{Sid}.json", this::delete));
    }

    private Future<Reply> create(ApiRequest request) {
        Instant now = Instant.now();
        ApiKey key = new ApiKey(Sids.next(Sids.API_KEY), request.accountSid(), Sids.secret(),
                request.params().friendlyName(), now, now);
        return keys.put(key).map(v -> Reply.created(KeyJson.withSecret(key)));
    }

    private Future<Reply> list(ApiRequest request) {
        Paging paging = Paging.from(request.params());
        return keys.list(request.accountSid(), k -> true, paging.offset(), paging.pageSize())
                .map(page -> Reply.ok(paging.body("keys", page.items().stream().map(KeyJson::of).toList(),
                        page, request.path(), request.params(), List.of())));
    }

    private Future<Reply> fetch(ApiRequest request) {
        return owned(request).map(key -> Reply.ok(KeyJson.of(key)));
    }

    private Future<Reply> update(ApiRequest request) {
        String name = request.params().friendlyName();
        return owned(request).compose(key -> {
            if (name == null) {
                return Future.succeededFuture(Reply.ok(KeyJson.of(key)));
            }
            ApiKey renamed = new ApiKey(key.sid(), key.accountSid(), key.secret(), name, key.dateCreated(), Instant.now());
            return keys.put(renamed).map(v -> Reply.ok(KeyJson.of(renamed)));
        });
    }

    /** Deleting revokes: the tombstone lets an access token signed with the key be told so. */
    private Future<Reply> delete(ApiRequest request) {
        return owned(request).compose(key -> keys.delete(key.sid())
                        .compose(v -> store.of(RevokedKey.KIND).put(new RevokedKey(key.sid(), key.accountSid(), key.dateCreated(),
                                Instant.now()))))
                .map(v -> Reply.noContent());
    }

    private Future<ApiKey> owned(ApiRequest request) {
        return Records.owned(store, ApiKey.KIND, Sids.API_KEY, request.accountSid(), request.pathParam("Sid"), request.path());
    }
}
