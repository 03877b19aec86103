package org.patchbay.asterisk.sim.ari;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.patchbay.asterisk.sim.SimOptions;
import org.patchbay.asterisk.sim.engine.Engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mounts ARI under {@code /ari}: authentication, the request log, the events socket and every resource. */
public final class AriServer {
    private static final long BODY_LIMIT_BYTES = 1 << 20;
    /** {@code POST /channels/{id}/play[/{playbackId}]}, timed as it arrives for {@code /sim/timings}. */
    private static final Pattern CHANNEL_PLAY = Pattern.compile("/channels/([^/]+)/play(/[^/]+)?");

    private final Engine engine;
    private final ApiDocs apiDocs;
    private final RequestLog requestLog;
    private final EventsSocket eventsSocket;
    private final List<String> acceptedBasic;
    private final String acceptedApiKey;

    public AriServer(Engine engine, ApiDocs apiDocs, RequestLog requestLog, EventsSocket eventsSocket,
                     SimOptions options) {
        this.engine = engine;
        this.apiDocs = apiDocs;
        this.requestLog = requestLog;
        this.eventsSocket = eventsSocket;
        String credentials = options.user() + ":" + options.password();
        this.acceptedApiKey = credentials;
        this.acceptedBasic = List.of("Basic " + Base64.getEncoder()
                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    /** The WebSocket subprotocols the server must offer: chan_websocket echoes {@code media}. */
    public static java.util.List<String> webSocketSubprotocols() {
        return MediaSocket.offeredSubprotocols();
    }

    public void mount(Router router) {
        new MediaSocket(engine).mount(router);
        router.route("/ari/*").handler(this::logAndAuthenticate);
        router.get("/ari/events").handler(eventsSocket::handle);
        router.route("/ari/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES)
                .setMergeFormAttributes(false));
        AriRoutes routes = new AriRoutes(router, "/ari");
        new InfoRoutes(engine, apiDocs).register(routes);
        new ExternalMediaRoutes(engine).register(routes);
        new ChannelRoutes(engine).register(routes);
        new ChannelMediaRoutes(engine).register(routes);
        new BridgeRoutes(engine).register(routes);
        new MediaRoutes(engine).register(routes);
        router.route("/ari/*").handler(context -> AriRoutes.write(context,
                new Reply(404, new JsonObject().put("message", "Not found"), "application/json")));
    }

    private void logAndAuthenticate(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path().substring("/ari".length());
        requestLog.record(request.method().name(), path, request.query(), engine.clock().nowMillis());
        if (!authenticated(context)) {
            context.response().putHeader("WWW-Authenticate", "Basic realm=\"Asterisk REST Interface\"");
            AriRoutes.write(context, new Reply(401, new JsonObject().put("message", "Authentication required"),
                    "application/json"));
            return;
        }
        if (request.method() == HttpMethod.POST) {
            Matcher play = CHANNEL_PLAY.matcher(path);
            if (play.matches()) {
                engine.timings().playRequested(play.group(1));
            }
        }
        context.next();
    }

    private boolean authenticated(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null) {
            return acceptedBasic.contains(authorization.trim());
        }
        List<String> apiKeys = context.queryParam("api_key");
        return !apiKeys.isEmpty() && acceptedApiKey.equals(apiKeys.get(apiKeys.size() - 1));
    }
}
