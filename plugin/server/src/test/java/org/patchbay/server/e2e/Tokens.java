package org.patchbay.server.e2e;

import com.twilio.jwt.accesstoken.AccessToken;
import com.twilio.jwt.accesstoken.VoiceGrant;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.account.Account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Access tokens minted by Twilio's own helper library, with keys made through Patchbay's Keys resource. */
final class Tokens {
    record Key(String sid, String secret) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Tokens() {
    }

    static HttpResponse<String> rest(int port, Account account, String method, String path, String form) {
        String basic = Base64.getEncoder().encodeToString((account.sid() + ":" + account.authToken()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path, e);
        }
    }

    static Key createKey(int port, Account account, String accountSid) {
        HttpResponse<String> created = rest(port, account, "POST", "/2010-04-01/Accounts/" + accountSid + "/Keys.json",
                "FriendlyName=softphones");
        if (created.statusCode() != 201) {
            throw new AssertionError("creating a key: " + created.statusCode() + " " + created.body());
        }
        JsonObject body = new JsonObject(created.body());
        return new Key(body.getString("sid"), body.getString("secret"));
    }

    static VoiceGrant voice(boolean incoming, String applicationSid, Map<String, Object> params) {
        VoiceGrant grant = new VoiceGrant().setIncomingAllow(incoming);
        if (applicationSid != null) {
            grant.setOutgoingApplication(applicationSid, params);
        }
        return grant;
    }

    static String mint(String accountSid, Key key, String identity, VoiceGrant grant, UnaryOperator<AccessToken.Builder> extra) {
        AccessToken.Builder builder = new AccessToken.Builder(accountSid, key.sid(), key.secret().getBytes(StandardCharsets.UTF_8))
                .identity(identity).ttl(3600);
        if (grant != null) {
            builder.grant(grant);
        }
        return extra.apply(builder).build().toJwt();
    }

    static String mint(String accountSid, Key key, String identity) {
        return mint(accountSid, key, identity, voice(true, null, Map.of()), b -> b);
    }
}
