package org.patchbay.server.presence;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.endpoint.EndpointDirectory;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.presence.ClientGrant;
import org.patchbay.core.presence.Device;
import org.patchbay.core.presence.Presence;
import org.patchbay.core.presence.PresenceStatus;
import org.patchbay.core.sid.Sids;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One client's registration socket: its token is verified first, then {@code register}, {@code status}
 * and {@code heartbeat} each answer {@code registered} (or {@code error}). The device is offline the
 * moment the socket closes, and the registration ends when the token expires.
 */
final class ClientSocket {
    /** Safe in a dial string: Asterisk would read {@code &} or {@code ,} as more parties or options. */
    private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9]{1,16}/[A-Za-z0-9._@+\\-]{1,128}");

    private final Vertx vertx;
    private final ServerWebSocket socket;
    private final Presence presence;
    private final EndpointDirectory endpoints;
    private final Map<String, ClientSocket> registered;
    private Future<ClientGrant> grant;
    private Future<Void> handled = Future.succeededFuture();
    private Device device;
    private long expiryTimer = -1;
    private boolean closed;

    ClientSocket(Vertx vertx, ServerWebSocket socket, Presence presence, EndpointDirectory endpoints,
                 Map<String, ClientSocket> registered) {
        this.vertx = vertx;
        this.socket = socket;
        this.presence = presence;
        this.endpoints = endpoints;
        this.registered = registered;
    }

    static String key(String accountSid, String identity, String device) {
        return accountSid + '\n' + identity + '\n' + device;
    }

    void start(Future<ClientGrant> verified) {
        socket.closeHandler(v -> closed());
        socket.textMessageHandler(text -> handled = handled.transform(v -> handle(text)));
        grant = verified.onSuccess(this::endAt).onFailure(e -> {
            send(error(e));
            socket.close((short) 1008, "access token refused");
        });
    }

    void send(Map<String, Object> message) {
        if (!closed) {
            socket.writeTextMessage(new JsonObject(message).encode());
        }
    }

    private void endAt(ClientGrant granted) {
        long millis = Math.max(1, Duration.between(Instant.now(), granted.expires()).toMillis());
        expiryTimer = vertx.setTimer(millis, id -> {
            send(error(new PatchbayException(401, ErrorCode.ACCESS_TOKEN_EXPIRED, "Access Token expired: registration ended")));
            socket.close((short) 1008, "access token expired");
        });
    }

    private Future<Void> handle(String text) {
        return grant.compose(granted -> {
            JsonObject message;
            try {
                message = new JsonObject(text);
            } catch (DecodeException e) {
                return Future.failedFuture(invalid("messages are JSON objects"));
            }
            return switch (String.valueOf(message.getValue("type"))) {
                case "register" -> register(granted, message);
                case "status" -> device == null ? Future.failedFuture(invalid("register first")) : status(message);
                case "heartbeat" -> device == null ? Future.failedFuture(invalid("register first")) : heartbeat();
                default -> Future.failedFuture(invalid("type must be register, status or heartbeat"));
            };
        }).onSuccess(v -> send(registeredMessage())).onFailure(e -> {
            if (grant.succeeded()) {
                send(error(e));
            }
        }).otherwiseEmpty();
    }

    private Future<Void> register(ClientGrant granted, JsonObject message) {
        PresenceStatus status = status(message.getValue("status", "available"));
        String endpoint = message.getValue("endpoint") instanceof String given ? given
                : endpoints.forAccount(granted.accountSid()).endpointFor("client:" + granted.identity());
        if (!ENDPOINT.matcher(endpoint).matches()) {
            throw invalid("endpoint must look like PJSIP/alice-desk");
        }
        String id = device != null ? device.device() : Sids.next("DV");
        Device next = new Device(granted.accountSid(), granted.identity(), id, endpoint, status, presence.node(), Instant.now(),
                granted.incoming(), granted.outgoingApplicationSid(), granted.params());
        return put(next);
    }

    private Future<Void> status(JsonObject message) {
        return put(device.withStatus(status(message.getValue("status")), Instant.now()));
    }

    private Future<Void> heartbeat() {
        return presence.heartbeat(device).compose(alive -> alive ? Future.succeededFuture() : put(device));
    }

    private Future<Void> put(Device next) {
        return presence.register(next).map(stored -> {
            device = stored;
            registered.put(key(stored.accountSid(), stored.identity(), stored.device()), this);
            if (closed) {
                closed();
            }
            return null;
        });
    }

    private static PresenceStatus status(Object given) {
        PresenceStatus status = PresenceStatus.settable(given instanceof String s ? s : null);
        if (status == null) {
            throw invalid("status must be available, busy or away");
        }
        return status;
    }

    private Map<String, Object> registeredMessage() {
        return Map.of("type", "registered", "identity", device.identity(), "device", device.device(), "endpoint",
                device.endpoint(), "status", device.status().name(), "expires", presence.expiry().toSeconds());
    }

    private static Map<String, Object> error(Throwable failure) {
        if (failure instanceof PatchbayException known) {
            return Map.of("type", "error", "code", known.code(), "message", String.valueOf(known.getMessage()));
        }
        return Map.of("type", "error", "code", ErrorCode.INTERNAL_SERVER_ERROR.code(), "message", "presence is unavailable");
    }

    private static PatchbayException invalid(String message) {
        return new PatchbayException(400, ErrorCode.INVALID_PARAMETER, message);
    }

    private void closed() {
        closed = true;
        vertx.cancelTimer(expiryTimer);
        if (device != null) {
            registered.remove(key(device.accountSid(), device.identity(), device.device()), this);
            presence.unregister(device);
        }
    }
}
