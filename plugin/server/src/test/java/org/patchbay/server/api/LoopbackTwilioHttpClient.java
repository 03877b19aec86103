package org.patchbay.server.api;

import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The transport for Twilio's helper library that sends its requests to the test server instead of
 * api.twilio.com and events.twilio.com, and keeps every exchange so the responses can be checked
 * against Twilio's schemas. URLs Patchbay itself handed out (v1 page URLs) go to it unchanged.
 */
final class LoopbackTwilioHttpClient extends HttpClient {
    private static final List<String> TWILIO = List.of("https://api.twilio.com", "https://events.twilio.com");

    /** One request and its answer; {@code path} is the raw request path. */
    record Exchange(String method, String path, int status, String body) {
    }

    final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final String baseUrl;
    /** HTTP/1.1, as the helper library's own Apache client speaks. */
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    LoopbackTwilioHttpClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    private String onPatchbay(String url) {
        if (url.startsWith(baseUrl + "/")) {
            return url;
        }
        return TWILIO.stream().filter(url::startsWith).findFirst()
                .map(twilio -> baseUrl + url.substring(twilio.length()))
                .orElseThrow(() -> new IllegalArgumentException("not a Twilio API URL: " + url));
    }

    @Override
    public Response makeRequest(Request request) {
        URI target = URI.create(onPatchbay(request.constructURL().toString()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10));
        String auth = request.getAuthStrategy() != null ? request.getAuthStrategy().getAuthString() : request.getAuthString();
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.POST) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(request.encodeFormBody()));
        } else {
            builder.method(method.toString(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            exchanges.add(new Exchange(method.toString(), target.getRawPath(), response.statusCode(), response.body()));
            return new Response(response.body(), response.statusCode());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + target + " failed", e);
        }
    }
}
