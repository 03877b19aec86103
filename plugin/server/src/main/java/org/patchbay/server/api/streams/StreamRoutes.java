package org.patchbay.server.api.streams;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.livecall.LiveStreams;
import org.patchbay.core.twiml.Stream;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.Reply;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /Calls/{CallSid}/Streams}: starts a one-way Media Stream on a live call (as {@code <Start><Stream>} does)
 * and stops one by SID or name, whoever started it, through {@link LiveStreams}. Twilio answers both with 200.
 */
public final class StreamRoutes {
    private static final Set<String> TRACKS = Set.of("inbound_track", "outbound_track", "both_tracks");
    /** Twilio documents Parameter1 to Parameter99. */
    private static final int MAX_PARAMETERS = 99;
    private static final int MAX_NAME_LENGTH = 256;

    private final LiveStreams streams;

    public StreamRoutes(LiveStreams streams) {
        this.streams = streams;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.account(HttpMethod.POST, "/Calls/{CallSid}/Streams.json", this::create),
                Endpoint.account(HttpMethod.POST, "/Calls/{CallSid}/Streams/{Sid}.json", this::update));
    }

    private Future<Reply> create(ApiRequest request) {
        Params params = request.params();
        String url = webSocketUrl(params.required("Url", ErrorCode.MISSING_URL, "Required parameter Url is missing"));
        String name = params.text("Name", MAX_NAME_LENGTH);
        String track = params.choice("Track", TRACKS);
        Stream stream = new Stream(url, name == null || name.isEmpty() ? null : name,
                track == null ? "inbound_track" : track, emptyAsNull(params.url("StatusCallback")),
                params.method("StatusCallbackMethod"), customParameters(params));
        return streams.start(request.accountSid(), request.pathParam("CallSid"), stream)
                .map(started -> Reply.ok(StreamJson.of(started)));
    }

    /** {@code Status=stopped} is the only change Twilio allows. */
    private Future<Reply> update(ApiRequest request) {
        String status = request.params().required("Status", ErrorCode.INVALID_PARAMETER, "Required parameter Status is missing");
        if (!status.equals("stopped")) {
            return Future.failedFuture(Params.invalid("Status must be stopped"));
        }
        String sidOrName;
        try {
            // The matcher leaves path parameters raw; a stream's name may hold escaped spaces and the like.
            sidOrName = URLDecoder.decode(request.pathParam("Sid").replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return Future.failedFuture(PatchbayException.notFound(request.path()));
        }
        return streams.stop(request.accountSid(), request.pathParam("CallSid"), sidOrName)
                .map(stopped -> Reply.ok(StreamJson.of(stopped)));
    }

    /** {@code ParameterN.Name} / {@code ParameterN.Value}, in N's order: the start message's customParameters. */
    private static Map<String, String> customParameters(Params params) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int n = 1; n <= MAX_PARAMETERS; n++) {
            String name = params.get("Parameter" + n + ".Name");
            if (name != null && !name.isEmpty()) {
                String value = params.get("Parameter" + n + ".Value");
                parameters.put(name, value == null ? "" : value);
            }
        }
        return Collections.unmodifiableMap(parameters);
    }

    /** An absolute ws:// or wss:// URL, as {@code <Stream url>} takes. */
    private static String webSocketUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("wss") || scheme.equals("ws")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException invalid) {
            // Refused below like any other URL that is not a WebSocket URL.
        }
        throw new PatchbayException(400, ErrorCode.INVALID_URL_PARAMETER,
                "Url must be an absolute wss:// or ws:// URL: " + Params.shorten(url));
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
