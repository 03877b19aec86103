package org.patchbay.server.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.account.Account;
import org.patchbay.core.events.GatherStarted;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.sid.Sids;
import org.patchbay.server.e2e.Harness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may open the dashboard and what each viewer sees: the main account everything, a subaccount its own calls. */
class DashboardAccessIT {
    @TempDir
    Path dataDir;
    Harness h;
    Account sub;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        Instant now = Instant.now();
        sub = new Account(Sids.next(Sids.ACCOUNT), h.patchbay.mainAccount().sid(), Sids.secret(), "sub", Account.Status.active, now, now);
        Harness.await(h.patchbay.store().of(Account.KIND).put(sub));
        h.number("7300", "/hold", null, null);
        Harness.await(h.patchbay.store().of(PhoneNumber.KIND).put(new PhoneNumber(Sids.next(Sids.PHONE_NUMBER), sub.sid(), "7301", "7301",
                h.app.url("/hold"), "POST", null, "POST", null, "POST", null, now, now)));
        h.app.respond("/hold", "<Response><Gather numDigits=\"1\" timeout=\"60\"/></Response>");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void withoutCredentialsTheBrowserIsAskedForThem() throws Exception {
        for (String path : List.of("/dashboard", "/dashboard/stream", "/dashboard/dashboard.js", "/dashboard/calls/CA00")) {
            HttpResponse<String> reply = get(path, null);
            assertEquals(401, reply.statusCode(), path);
            assertTrue(reply.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="), path);
        }
        assertEquals(401, get("/dashboard", basic(sub.sid(), "wrong")).statusCode());
        HttpResponse<String> page = get("/dashboard", basic(sub.sid(), sub.authToken()));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<h1>Patchbay</h1>"));
    }

    @Test
    void aSubaccountSeesItsOwnCallsAndTheMainAccountSeesAll() throws Exception {
        Account main = h.patchbay.mainAccount();
        try (DashboardStreamReader mainView = new DashboardStreamReader(h.patchbay.httpPort(), main.sid(), main.authToken());
             DashboardStreamReader subView = new DashboardStreamReader(h.patchbay.httpPort(), sub.sid(), sub.authToken())) {
            assertFalse(subView.next(e -> e.name().equals("snapshot")).data().getJsonObject("viewer").getBoolean("everything"));
            mainView.next(e -> e.name().equals("snapshot"));
            InboundCall mainCall = h.call("+15550007300", "7300");
            InboundCall subCall = h.call("+15550007301", "7301");
            String mainSid = h.awaitActivity(mainCall.channelId(), GatherStarted.class).call().sid();
            String subSid = h.awaitActivity(subCall.channelId(), GatherStarted.class).call().sid();

            awaitCall(mainView, mainSid);
            awaitCall(mainView, subSid);
            awaitCall(subView, subSid);
            try (DashboardStreamReader late = new DashboardStreamReader(h.patchbay.httpPort(), sub.sid(), sub.authToken())) {
                JsonObject snapshot = late.next(e -> e.name().equals("snapshot")).data();
                assertEquals(List.of(subSid), callsIn(new DashboardStreamReader.Event("snapshot", snapshot)));
            }
            assertEquals(200, get("/dashboard/calls/" + subSid, basic(sub.sid(), sub.authToken())).statusCode());
            assertEquals(404, get("/dashboard/calls/" + mainSid, basic(sub.sid(), sub.authToken())).statusCode());
            JsonObject timeline = new JsonObject(get("/dashboard/calls/" + mainSid, basic(main.sid(), main.authToken())).body());
            assertFalse(timeline.getJsonArray("timeline").isEmpty());

            Harness.await(h.asterisk.hangUp(mainCall.callerChannelId()));
            Harness.await(h.asterisk.hangUp(subCall.callerChannelId()));
            subView.next(e -> e.name().equals("changes") && e.data().getJsonArray("calls").stream()
                    .anyMatch(c -> ((JsonObject) c).getString("sid").equals(subSid) && ((JsonObject) c).getLong("ended") != null));
            mainView.next(e -> e.name().equals("changes") && e.data().getJsonArray("calls").stream()
                    .anyMatch(c -> ((JsonObject) c).getString("sid").equals(subSid) && ((JsonObject) c).getLong("ended") != null));
            assertFalse(subView.seen().stream().anyMatch(e -> callsIn(e).contains(mainSid)), "the subaccount never saw the main account's call");
        }
    }

    /** Waits until the view has shown the call (one batch of changes may carry several calls). */
    private static void awaitCall(DashboardStreamReader view, String callSid) throws InterruptedException {
        if (view.seen().stream().noneMatch(e -> callsIn(e).contains(callSid))) {
            view.next(e -> callsIn(e).contains(callSid));
        }
    }

    private static List<String> callsIn(DashboardStreamReader.Event event) {
        JsonArray calls = event.data().getJsonArray("calls");
        return calls == null ? List.of() : calls.stream().map(c -> ((JsonObject) c).getString("sid")).toList();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.patchbay.httpPort() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
