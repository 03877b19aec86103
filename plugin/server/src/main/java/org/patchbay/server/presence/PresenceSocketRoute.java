package org.patchbay.server.presence;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.patchbay.core.endpoint.EndpointDirectory;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.presence.ClientGrant;
import org.patchbay.core.presence.DeviceSignals;
import org.patchbay.core.presence.Presence;
import org.patchbay.server.api.http.ErrorReplies;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /v1/Presence/Connect}: the registration WebSocket. The token comes as
 * {@code Authorization: Bearer …} or the {@code AccessToken} query parameter. The route matches the
 * raw path and goes before the REST API's route (which answers every other {@code /v1/} path).
 */
public final class PresenceSocketRoute {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceSocketRoute.class);
    public static final String PATH = "/v1/Presence/Connect";

    private final Presence presence;
    private final AccessTokenVerifier tokens;
    private final EndpointDirectory endpoints;
    private final Map<String, ClientSocket> registered = new ConcurrentHashMap<>();

    public PresenceSocketRoute(Presence presence, AccessTokenVerifier tokens, EndpointDirectory endpoints) {
        this.presence = presence;
        this.tokens = tokens;
        this.endpoints = endpoints;
        presence.signals().receive(this::deliver);
    }

    /** Call before the REST API mounts: routes of equal order run in the order they were added. */
    public void mount(Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!PATH.equals(request.path())) {
            ctx.next();
            return;
        }
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            ErrorReplies.send(request, new PatchbayException(400, ErrorCode.INVALID_PARAMETER,
                    PATH + " is a WebSocket: connect with Upgrade: websocket"));
            return;
        }
        String token = tokenOf(request);
        request.toWebSocket().onSuccess(socket -> new ClientSocket(ctx.vertx(), socket, presence, endpoints, registered)
                .start(token == null
                        ? Future.<ClientGrant>failedFuture(new PatchbayException(401, ErrorCode.ACCESS_TOKEN_INVALID,
                        "Invalid Access Token: send it as Authorization: Bearer or the AccessToken parameter"))
                        : tokens.verify(token)))
                .onFailure(e -> LOG.warn("presence: WebSocket upgrade failed: {}", e.toString()));
    }

    private static String tokenOf(HttpServerRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        try {
            return request.getParam("AccessToken");
        } catch (RuntimeException malformedQuery) {
            return null;
        }
    }

    private void deliver(DeviceSignals.Signal signal) {
        ClientSocket socket = registered.get(ClientSocket.key(signal.accountSid(), signal.identity(), signal.device()));
        if (socket != null) {
            socket.send(signal.message());
        }
    }
}
