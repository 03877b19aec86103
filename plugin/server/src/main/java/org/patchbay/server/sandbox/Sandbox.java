package org.patchbay.server.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.patchbay.asterisk.sim.HeardEntry;
import org.patchbay.asterisk.sim.SimOptions;
import org.patchbay.asterisk.sim.SimulatedAsterisk;
import org.patchbay.core.account.Account;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Store;
import org.patchbay.core.tts.TtsEngine;
import org.patchbay.server.config.PatchbayConfig;
import org.patchbay.server.simulate.SpeechLog;

import java.time.Instant;

/**
 * Sandbox mode: with no PBX configured, Patchbay runs a simulated Asterisk in-process and talks to
 * it through the real ARI adapter. A demo number (1000) answers with a short greeting, and
 * {@code /sandbox/...} routes place test calls and show what the caller heard.
 */
public final class Sandbox {
    public static final String DEMO_NUMBER = "1000";

    private final SimulatedAsterisk sim;
    private final String password;
    private final String publicUrl;
    /** Set once while Patchbay wires its calls, before the first call; read by the heard route. */
    private volatile SpeechLog speech;

    private Sandbox(SimulatedAsterisk sim, String password, String publicUrl) {
        this.sim = sim;
        this.password = password;
        this.publicUrl = publicUrl;
    }

    public static Future<Sandbox> start(Vertx vertx, PatchbayConfig config, Store store, Account main, String publicUrl) {
        String password = Sids.secret();
        SimulatedAsterisk sim = new SimulatedAsterisk(SimOptions.defaults()
                .withCredentials("patchbay", password)
                .withStasisApp(config.ariApp()));
        Sandbox sandbox = new Sandbox(sim, password, publicUrl);
        return sim.start(vertx)
                .compose(port -> config.numbers().isEmpty() ? sandbox.addDemoNumber(store, main) : Future.succeededFuture())
                .map(v -> sandbox);
    }

    private Future<Void> addDemoNumber(Store store, Account main) {
        return store.of(PhoneNumber.KIND).findBy(PhoneNumber.BY_NUMBER, DEMO_NUMBER).compose(existing -> {
            if (existing != null) {
                return Future.succeededFuture();
            }
            Instant now = Instant.now();
            return store.of(PhoneNumber.KIND).put(new PhoneNumber(Sids.next(Sids.PHONE_NUMBER), main.sid(), DEMO_NUMBER,
                    "Sandbox demo", publicUrl + "/sandbox/welcome.xml", "GET", null, null, null, null, null, now, now));
        });
    }

    public String ariUrl() {
        return sim.baseUrl();
    }

    public String ariUser() {
        return "patchbay";
    }

    public String ariPassword() {
        return password;
    }

    public SimulatedAsterisk asterisk() {
        return sim;
    }

    public Future<Void> stop() {
        return sim.stop();
    }

    public void mount(Router router) {
        router.get("/sandbox/welcome.xml").handler(ctx -> ctx.response().putHeader("Content-Type", "text/xml").end("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Response>
                  <Say>Welcome to the Patchbay sandbox. This call is simulated.</Say>
                  <Gather numDigits="1" timeout="5" action="/sandbox/pressed.xml" method="GET">
                    <Say>Press any key.</Say>
                  </Gather>
                  <Say>No key was pressed. Goodbye.</Say>
                </Response>
                """));
        router.get("/sandbox/pressed.xml").handler(ctx -> ctx.response().putHeader("Content-Type", "text/xml").end(
                "<Response><Say>You pressed " + digitsSaid(ctx.queryParams().get("Digits")) + ". Goodbye.</Say></Response>"));
        router.post("/sandbox/calls").handler(BodyHandler.create().setBodyLimit(4096)).handler(this::placeCall);
        router.post("/sandbox/calls/:channel/digits").handler(BodyHandler.create().setBodyLimit(4096)).handler(this::pressDigits);
        router.post("/sandbox/calls/:channel/hangup").handler(ctx -> reply(ctx, sim.hangUp(ctx.pathParam("channel"))
                .map(v -> new JsonObject().put("hungUp", ctx.pathParam("channel")))));
        router.get("/sandbox/calls/:channel/heard").handler(ctx -> reply(ctx, sim.heard(ctx.pathParam("channel"))
                .map(entries -> new JsonObject().put("heard", new JsonArray(entries.stream().map(this::heardJson).toList())))));
    }

    /** Speech the sandbox's Patchbay made is shown with the words of its {@code <Say>} beside the media URL. */
    public TtsEngine rememberSpeech(TtsEngine engine) {
        speech = new SpeechLog(engine);
        return speech;
    }

    private JsonObject heardJson(HeardEntry entry) {
        JsonObject json = JsonObject.mapFrom(entry);
        SpeechLog.Spoken spoken = speech == null || entry.detail() == null ? null : speech.spokenIn(entry.detail());
        return spoken == null ? json : json.put("say", spoken.text());
    }

    private static String digitsSaid(String digits) {
        return digits == null || digits.isBlank() ? "nothing" : String.join(" ", digits.replaceAll("[^0-9*#]", "").split(""));
    }

    private void placeCall(RoutingContext ctx) {
        String from = param(ctx, "From", "+15550001234");
        String to = param(ctx, "To", DEMO_NUMBER);
        reply(ctx, sim.startInboundCall(from, to, "Sandbox caller").map(call -> new JsonObject()
                .put("channelId", call.channelId())
                .put("callerChannelId", call.callerChannelId())
                .put("heard", publicUrl + "/sandbox/calls/" + call.channelId() + "/heard")));
    }

    private void pressDigits(RoutingContext ctx) {
        String digits = param(ctx, "Digits", "");
        if (!digits.matches("[0-9*#wW]{1,64}")) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("message", "Digits must be 1 to 64 of 0-9 * # w").encode());
            return;
        }
        reply(ctx, sim.pressDigits(ctx.pathParam("channel"), digits).map(v -> new JsonObject().put("pressed", digits)));
    }

    private static String param(RoutingContext ctx, String name, String fallback) {
        String value = ctx.request().getParam(name);
        if (value == null) {
            value = ctx.request().getParam(name.toLowerCase());
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static void reply(RoutingContext ctx, Future<JsonObject> result) {
        result.onSuccess(body -> ctx.response().putHeader("Content-Type", "application/json").end(body.encodePrettily()))
                .onFailure(e -> ctx.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("message", String.valueOf(e.getMessage())).encode()));
    }

    /** The lines the start-up banner prints so a newcomer can place a first call. */
    public String instructions(String base) {
        return "\n  Try a call into the simulated PBX (number " + DEMO_NUMBER + " greets you and waits for a key):\n"
                + "    curl -s -X POST '" + base + "/sandbox/calls' --data-urlencode From=+15551230000 -d To=" + DEMO_NUMBER + "\n"
                + "    curl -s -X POST '" + base + "/sandbox/calls/<channelId>/digits' -d Digits=5\n"
                + "    curl -s '" + base + "/sandbox/calls/<channelId>/heard'\n"
                + "  Simulated Asterisk (ARI) for tools: " + sim.baseUrl() + "/ari (user patchbay)\n";
    }
}
