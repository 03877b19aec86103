package org.patchbay.server.api;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.server.api.accounts.AccountRoutes;
import org.patchbay.server.api.applications.ApplicationRoutes;
import org.patchbay.server.api.auth.AccessControl;
import org.patchbay.server.api.calls.CallRoutes;
import org.patchbay.server.api.events.EventStreamsRoutes;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.EndpointMatcher;
import org.patchbay.server.api.http.ErrorReplies;
import org.patchbay.server.api.keys.KeyRoutes;
import org.patchbay.server.api.notifications.NotificationRoutes;
import org.patchbay.server.api.numbers.IncomingPhoneNumberRoutes;
import org.patchbay.server.api.recordings.RecordingMediaRoutes;
import org.patchbay.server.api.recordings.RecordingRoutes;

import java.util.ArrayList;
import java.util.List;

/**
 * Patchbay's Twilio-compatible REST API (2010-04-01). {@link #mount(Router)} installs it on a router:
 * everything under {@code /2010-04-01/} (body limit, routing, authentication, Twilio error bodies)
 * and its OpenAPI description at {@code /openapi.json}.
 */
public final class ApiRoutes {
    public static final String PREFIX = "/2010-04-01/";
    /** Twilio's newer APIs (Event Streams, …), served by the same dispatcher. */
    public static final String V1_PREFIX = "/v1/";
    /** The live event stream is a WebSocket upgrade, mounted apart from the request/response API (see EventStreamRoute). */
    public static final String EVENT_STREAM_PATH = "/v1/Events/Stream";
    public static final String OPENAPI_PATH = "/openapi.json";
    /** The OpenAPI description on the classpath. */
    public static final String OPENAPI_RESOURCE = "org/patchbay/server/api/openapi.json";
    /** Twilio's parameters fit in far less; anything larger is refused with 413 before it is read whole. */
    public static final int BODY_LIMIT = 64 * 1024;
    /** The API's route goes before any other the server mounts (see {@link #mount(Router)}). */
    private static final int FIRST = Integer.MIN_VALUE;

    private final ApiDependencies deps;
    private final List<Endpoint> endpoints;
    /** Written by whichever event loop serves the first request; a second reader would only read the file again. */
    private volatile Future<Buffer> openApi;

    public ApiRoutes(ApiDependencies deps) {
        this(deps, List.of());
    }

    /** The API with the routes of subsystems wired on their own (usage, presence) beside its resources. */
    public ApiRoutes(ApiDependencies deps, List<Endpoint> subsystems) {
        this.deps = deps;
        List<Endpoint> all = new ArrayList<>();
        all.addAll(new AccountRoutes(deps.store(), deps.liveCalls()).endpoints());
        all.addAll(new KeyRoutes(deps.store()).endpoints());
        all.addAll(new CallRoutes(deps.store(), deps.liveCalls()).endpoints());
        all.addAll(new IncomingPhoneNumberRoutes(deps.store()).endpoints());
        all.addAll(new ApplicationRoutes(deps.store()).endpoints());
        all.addAll(new RecordingRoutes(deps.store(), deps.recordingMedia(), deps.publicBaseUrl()).endpoints());
        all.addAll(new RecordingMediaRoutes(deps.store(), deps.recordingMedia()).endpoints());
        all.addAll(new NotificationRoutes(deps.store()).endpoints());
        all.addAll(deps.limits().routes());
        all.addAll(new EventStreamsRoutes(deps).endpoints());
        all.addAll(subsystems);
        this.endpoints = List.copyOf(all);
    }

    /** Whether a request path belongs to the API (and so is answered by it, 404 included). */
    static boolean serves(String path) {
        return path.startsWith(PREFIX) || path.startsWith(V1_PREFIX) && !path.equals(EVENT_STREAM_PATH);
    }

    /** Every route of the API: what {@link #mount(Router)} serves and what /openapi.json must describe. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /**
     * Installs the API on {@code router}. Its route has no path and comes first: Vert.x decodes a
     * route's path before matching it and fails on a malformed escape such as {@code %ZZ}, which
     * would turn a client's mistake into a bare 500; the API matches the raw path itself instead.
     */
    public void mount(Router router) {
        router.route().order(FIRST).handler(new ApiDispatcher(new EndpointMatcher(endpoints),
                new AccessControl(deps.store(), deps.publicRecordingMedia()), deps.limits().concurrency()));
        router.get(OPENAPI_PATH).handler(this::serveOpenApi);
    }

    /**
     * The options Patchbay's HTTP server runs with. HTTP/2 in clear text is off: Vert.x 5.0.7 answers an
     * {@code Upgrade: h2c} request with 101 and then loses or garbles large bodies (curl and the JDK's client,
     * which asks for h2c by default, got no body or protocol errors from /openapi.json); refusing the upgrade
     * answers those clients over HTTP/1.1, as RFC 9113 allows. HTTP/2 belongs behind a TLS proxy.
     */
    public static HttpServerOptions serverOptions() {
        return new HttpServerOptions().setHttp2ClearTextEnabled(false);
    }

    /**
     * For {@code HttpServer.invalidRequestHandler}: a request the HTTP codec could not read (a request
     * line or headers over the server's limits, a broken request line) never reaches a router,
     * and Vert.x would answer it with an empty page; this answers it with Twilio's error body.
     */
    public static void answerInvalidRequest(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status = cause instanceof TooLongHttpLineException ? 414 : cause instanceof TooLongHttpHeaderException ? 431 : 400;
        String message = switch (status) {
            case 414 -> "The request URI is too long";
            case 431 -> "The request headers are too large";
            default -> "The request could not be read";
        };
        // What follows on the connection cannot be trusted to start a request: close it once answered.
        request.response().putHeader("Connection", "close");
        ErrorReplies.send(request, new PatchbayException(status, ErrorCode.INVALID_PARAMETER, message))
                .onComplete(sent -> request.connection().close());
    }

    /** Read once, asynchronously, on first request: the file never changes while Patchbay runs. */
    private void serveOpenApi(RoutingContext ctx) {
        if (openApi == null) {
            openApi = OpenApiDocument.read(ctx.vertx(), OPENAPI_RESOURCE);
        }
        openApi.onSuccess(spec -> ctx.response().putHeader("Content-Type", "application/json").end(spec))
                .onFailure(failure -> ErrorReplies.send(ctx.request(), failure));
    }
}
