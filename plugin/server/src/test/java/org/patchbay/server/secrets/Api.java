package org.patchbay.server.secrets;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The REST API as a developer's script calls it, with HTTP Basic credentials. */
public final class Api {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public record Reply(int status, JsonObject body) {
    }

    private final int port;

    public Api(int port) {
        this.port = port;
    }

    public Reply get(String user, String password, String path) throws Exception {
        return send(user, password, HttpRequest.newBuilder(uri(path)).GET());
    }

    public Reply post(String user, String password, String path, String form) throws Exception {
        return send(user, password, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A new subaccount of the main account: its JSON, with {@code sid} and {@code auth_token}. */
    public JsonObject subaccount(String mainSid, String mainToken, String name) throws Exception {
        Reply created = post(mainSid, mainToken, "/2010-04-01/Accounts.json", "FriendlyName=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        return expect(201, created);
    }

    /** A new API key of the account: its JSON, with {@code sid} and {@code secret}. */
    public JsonObject apiKey(String accountSid, String token) throws Exception {
        return expect(201, post(accountSid, token, "/2010-04-01/Accounts/" + accountSid + "/Keys.json", "FriendlyName=deploy"));
    }

    /** The HTTP status of listing the account's calls with these credentials (an API key may, as on Twilio). */
    public int readCalls(String accountSid, String user, String password) throws Exception {
        return get(user, password, "/2010-04-01/Accounts/" + accountSid + "/Calls.json").status();
    }

    private static JsonObject expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected HTTP " + status + ", got " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Reply send(String user, String password, HttpRequest.Builder request) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(request.header("Authorization", "Basic " + auth).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Reply(response.statusCode(), body.isBlank() || !body.startsWith("{") ? new JsonObject() : new JsonObject(body));
    }
}
