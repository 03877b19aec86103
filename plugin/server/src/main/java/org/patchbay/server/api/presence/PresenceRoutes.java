package org.patchbay.server.api.presence;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.presence.Device;
import org.patchbay.core.presence.Presence;
import org.patchbay.core.presence.PresenceStatus;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Reply;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /v1/Presence/Clients}: who of the caller's account is present, and on which devices. */
public final class PresenceRoutes {
    private static final Set<String> STATUSES = Arrays.stream(PresenceStatus.values()).map(Enum::name)
            .filter(s -> !s.equals("offline")).collect(Collectors.toSet());

    private final Presence presence;

    public PresenceRoutes(Presence presence) {
        this.presence = presence;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.v1(HttpMethod.GET, "/Presence/Clients", this::list),
                Endpoint.v1(HttpMethod.GET, "/Presence/Clients/{Identity}", this::fetch));
    }

    private Future<Reply> list(ApiRequest request) {
        String wanted = request.params().choice("Status", STATUSES);
        return presence.all(request.accountSid()).map(devices -> {
            Map<String, List<Device>> byIdentity = devices.stream()
                    .collect(Collectors.groupingBy(Device::identity, LinkedHashMap::new, Collectors.toList()));
            JsonArray clients = new JsonArray();
            byIdentity.forEach((identity, own) -> {
                if (wanted == null || PresenceJson.statusOf(own).name().equals(wanted)) {
                    clients.add(PresenceJson.client(request.accountSid(), identity, own));
                }
            });
            return Reply.ok(new JsonObject().put("clients", clients).put("meta", new JsonObject()
                    .put("key", "clients").put("page_size", clients.size()).put("url", request.path())));
        });
    }

    private Future<Reply> fetch(ApiRequest request) {
        String identity = request.pathParam("Identity");
        return presence.devices(request.accountSid(), identity).compose(devices -> devices.isEmpty()
                ? Future.failedFuture(new PatchbayException(404, ErrorCode.NOT_FOUND, "Client '" + identity + "' is not present"))
                : Future.succeededFuture(Reply.ok(PresenceJson.client(request.accountSid(), identity, devices))));
    }
}
