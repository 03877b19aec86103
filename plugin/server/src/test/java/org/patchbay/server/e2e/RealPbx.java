package org.patchbay.server.e2e;

import io.vertx.core.Vertx;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Page;
import org.patchbay.server.Patchbay;
import org.patchbay.server.config.ConfigLoader;
import org.patchbay.testkit.FakeAppServer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Patchbay started against the real Asterisk that {@code ARI_URL}, {@code ARI_USER} and {@code ARI_PASSWORD} name
 * (see {@link RealAsteriskIT} for what that PBX needs), with an app server for its documents and an
 * {@link AriCaller} that plays the caller on the same PBX.
 */
final class RealPbx implements AutoCloseable {
    static final String ARI_URL = System.getenv("ARI_URL");

    final Vertx vertx = Vertx.vertx();
    final FakeAppServer app;
    final Patchbay patchbay;
    final AriCaller caller;

    RealPbx(Path dataDir) {
        app = Harness.await(FakeAppServer.start(vertx));
        String user = System.getenv().getOrDefault("ARI_USER", "patchbay");
        String password = System.getenv().getOrDefault("ARI_PASSWORD", "");
        Map<String, String> env = new HashMap<>(Map.of("PATCHBAY_HTTP_PORT", "0", "PATCHBAY_HTTP_HOST", "0.0.0.0",
                "PATCHBAY_ARI_URL", ARI_URL, "PATCHBAY_ARI_USER", user, "PATCHBAY_ARI_PASSWORD", password,
                "PATCHBAY_DATA_DIR", dataDir.toString(),
                "PATCHBAY_ENDPOINT_NUMBER", "Local/{number}@" + System.getenv().getOrDefault("ARI_CALLEE_CONTEXT", "patchbay-test-callee")));
        if (System.getenv("ARI_PUBLIC_URL") != null) {
            env.put("PATCHBAY_PUBLIC_URL", System.getenv("ARI_PUBLIC_URL"));
        }
        patchbay = Harness.await(Patchbay.start(vertx, ConfigLoader.load(env)));
        HealthProbe.awaitConnected(patchbay.httpPort(), Duration.ofSeconds(20));
        caller = new AriCaller(vertx, ARI_URL, user, password);
    }

    static boolean configured() {
        return ARI_URL != null && !ARI_URL.isBlank();
    }

    static String inboundContext() {
        return System.getenv().getOrDefault("ARI_INBOUND_CONTEXT", "patchbay-inbound");
    }

    void number(String number, String path) {
        Instant now = Instant.now();
        Harness.await(patchbay.store().of(PhoneNumber.KIND).put(new PhoneNumber(Sids.next(Sids.PHONE_NUMBER),
                patchbay.mainAccount().sid(), number, number, app.url(path), "POST", null, null, null, null, null, now, now)));
    }

    CallRecord finalRecordTo(String to) {
        return recordTo(to, r -> r.status().isFinal());
    }

    CallRecord recordTo(String to, Predicate<CallRecord> wanted) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Page<CallRecord> page = Harness.await(patchbay.store().of(CallRecord.KIND).list(patchbay.mainAccount().sid(),
                    r -> to.equals(r.to()) && wanted.test(r), 0, 1));
            if (!page.items().isEmpty()) {
                return page.items().get(0);
            }
            Harness.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("no such call record to " + to + " within a minute");
    }

    /** A form POST to Patchbay's REST API under {@code /Calls/{callSid}}, as the main account. */
    HttpResponse<String> postToCall(String callSid, String rest, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String account = patchbay.mainAccount().sid();
        String credentials = account + ":" + patchbay.mainAccount().authToken();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + patchbay.httpPort()
                        + "/2010-04-01/Accounts/" + account + "/Calls/" + callSid + rest))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("cannot reach Patchbay", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Waits until the PBX lists no channel and no bridge ({@code GET /channels}, {@code GET /bridges}) and Patchbay
     * holds no live session and no claim on a channel's or bridge's events (each is let go on its end event).
     */
    void awaitNothingLeft() {
        long deadline = System.currentTimeMillis() + 20_000;
        List<String> left = List.of();
        while (System.currentTimeMillis() < deadline) {
            left = caller.channelAndBridgeIds();
            if (left.isEmpty() && patchbay.calls().liveSessions().isEmpty() && patchbay.calls().claimCount() == 0) {
                return;
            }
            Harness.sleep(Duration.ofMillis(200));
        }
        fail("left on the PBX: " + left + "; in Patchbay " + patchbay.calls().liveSessions().size() + " live sessions, "
                + patchbay.calls().claimCount() + " claims");
    }

    @Override
    public void close() {
        caller.close();
        Harness.await(patchbay.stop());
        Harness.await(app.close());
        Harness.await(vertx.close());
    }
}
