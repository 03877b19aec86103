package org.patchbay.adapters.http;

import com.twilio.security.RequestValidator;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.patchbay.core.instructions.InstructionRequest;
import org.patchbay.core.instructions.Instructions;
import org.patchbay.testkit.FakeResponse;
import org.patchbay.testkit.RecordedRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the application server receives, and what the fetch returns, when all goes well. */
class HttpInstructionSourceIT extends InstructionSourceIT {
    static final String TOKEN = "auth-token-0123456789";
    static final String TWIML = "<Response><Say>Hello</Say></Response>";
    private final RequestValidator validator = new RequestValidator(TOKEN);

    static Map<String, String> callParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CA0123456789abcdef0123456789abcdef");
        params.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        params.put("From", "+15551230000");
        params.put("To", "+15559870000");
        params.put("CallStatus", "ringing");
        params.put("ApiVersion", "2010-04-01");
        params.put("Direction", "inbound");
        params.put("CallerName", "Zoë & Co = ☎");
        return params;
    }

    private Instructions fetch(String method, String url) {
        return Await.result(source.fetch(new InstructionRequest(url, method, callParams(), TOKEN)));
    }

    @Test
    void postsTheParametersAsAFormInTheirOrder() {
        app.respond("/voice", TWIML);

        Instructions instructions = fetch("POST", app.url("/voice?tenant=acme"));

        assertEquals(new Instructions(app.url("/voice?tenant=acme"), 200, "text/xml", TWIML), instructions);
        RecordedRequest received = app.requests("/voice").get(0);
        assertEquals("POST", received.method());
        assertEquals("tenant=acme", received.query());
        assertEquals("CallSid=CA0123456789abcdef0123456789abcdef&AccountSid=AC0123456789abcdef0123456789abcdef"
                + "&From=%2B15551230000&To=%2B15559870000&CallStatus=ringing&ApiVersion=2010-04-01"
                + "&Direction=inbound&CallerName=Zo%C3%AB+%26+Co+%3D+%E2%98%8E", received.body());
        assertEquals(List.copyOf(callParams().entrySet()), List.copyOf(received.params().entrySet()));
    }

    @Test
    void sendsTwilioHeaders() {
        app.respond("/voice", TWIML);

        fetch("POST", app.url("/voice"));

        RecordedRequest received = app.requests("/voice").get(0);
        assertEquals("TwilioProxy/1.1", received.header("User-Agent"));
        assertEquals("text/xml, application/xml, */*;q=0.1", received.header("Accept"));
        assertEquals("application/x-www-form-urlencoded", received.header("content-type"));
    }

    @Test
    void postSignatureIsValidForTwilioValidator() {
        app.respond("/voice", TWIML);

        fetch("POST", app.url("/voice?tenant=acme&lang=fr"));

        RecordedRequest received = app.requests("/voice").get(0);
        String signature = received.header("X-Twilio-Signature");
        assertTrue(validator.validate(app.url(received.uri()), received.params(), signature));
        assertFalse(new RequestValidator("wrong-token").validate(app.url(received.uri()), received.params(), signature));
    }

    @Test
    void getAppendsTheParametersToTheQueryItHasAndSignsTheUrl() {
        app.respond("/voice", TWIML);

        Instructions instructions = fetch("GET", app.url("/voice?tenant=acme"));

        assertEquals(app.url("/voice?tenant=acme"), instructions.url());
        RecordedRequest received = app.requests("/voice").get(0);
        assertEquals("GET", received.method());
        assertEquals("", received.body());
        assertNull(received.header("Content-Type"));
        assertTrue(received.query().startsWith("tenant=acme&CallSid=CA0123456789abcdef0123456789abcdef&AccountSid="));
        List<String> names = new ArrayList<>(received.params().keySet());
        assertEquals("tenant", names.get(0));
        assertEquals(List.copyOf(callParams().keySet()), names.subList(1, names.size()));
        assertEquals("Zoë & Co = ☎", received.param("CallerName"));
        assertTrue(validator.validate(app.url(received.uri()), Map.of(), received.header("X-Twilio-Signature")));
    }

    @Test
    void methodIsCaseInsensitiveAndDefaultsToPost() {
        app.respond("/voice", TWIML);

        fetch("get", app.url("/voice"));
        fetch(null, app.url("/voice"));

        assertEquals(List.of("GET", "POST"), app.requests("/voice").stream().map(RecordedRequest::method).toList());
    }

    @Test
    void fragmentIsNeitherSentNorSigned() {
        app.respond("/voice", TWIML);

        Instructions instructions = fetch("POST", app.url("/voice?x=1#ct=2000&rt=3000"));

        RecordedRequest received = app.requests("/voice").get(0);
        assertEquals("/voice?x=1", received.uri());
        assertTrue(validator.validate(app.url("/voice?x=1"), received.params(), received.header("X-Twilio-Signature")));
        assertEquals(app.url("/voice?x=1"), instructions.url());
    }

    @Test
    void unicodeInTheUrlIsPercentEncodedAndSignedAsSent() {
        app.respond("/men%C3%BC", TWIML);

        fetch("GET", app.url("/menü?greeting=grüß gott"));

        RecordedRequest received = app.requests("/men%C3%BC").get(0);
        assertTrue(received.uri().startsWith("/men%C3%BC?greeting=gr%C3%BC%C3%9F%20gott&CallSid="), received.uri());
        assertTrue(validator.validate(app.url(received.uri()), Map.of(), received.header("X-Twilio-Signature")));
    }

    @Test
    void acceptsXmlContentTypesWithParametersInAnyCaseAndDecodesTheirCharset() {
        app.respond("/latin", 200, "APPLICATION/XML; Charset=ISO-8859-1", "<Response><Say>Grüße</Say></Response>");
        app.respond("/utf8", 200, "Text/XML;charset=utf-8", TWIML);

        Instructions latin = Await.result(source.fetch(new InstructionRequest(app.url("/latin"), "POST", Map.of(), TOKEN)));

        // The fake wrote UTF-8 bytes while declaring Latin-1: the declared charset is what counts.
        assertEquals(new String("<Response><Say>Grüße</Say></Response>".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1), latin.body());
        assertEquals(TWIML, fetch("POST", app.url("/utf8")).body());
    }

    @Test
    void followsARelativeRedirectWithAGetSignedForItsOwnUrl() {
        app.redirect("/ivr/start", "next?step=2");
        app.respond("/ivr/next", TWIML);

        Instructions instructions = fetch("POST", app.url("/ivr/start"));

        assertEquals(app.url("/ivr/next?step=2"), instructions.url());
        assertEquals(TWIML, instructions.body());
        RecordedRequest followed = app.requests("/ivr/next").get(0);
        assertEquals("GET", followed.method());
        assertEquals("", followed.body());
        assertEquals("step=2", followed.query());
        assertTrue(validator.validate(app.url(followed.uri()), Map.of(), followed.header("X-Twilio-Signature")));
    }

    @Test
    void redirects307And308KeepTheMethodAndTheBody() {
        app.redirect("/old", 307, "/moved");
        app.redirect("/moved", 308, app.url("/voice"));
        app.respond("/voice", TWIML);

        Instructions instructions = fetch("POST", app.url("/old"));

        assertEquals(app.url("/voice"), instructions.url());
        RecordedRequest first = app.requests("/old").get(0);
        RecordedRequest last = app.requests("/voice").get(0);
        assertEquals("POST", last.method());
        assertEquals(first.body(), last.body());
        assertTrue(validator.validate(app.url(last.uri()), last.params(), last.header("X-Twilio-Signature")));
    }

    @Test
    void redirect303TurnsAPostIntoAGet() {
        app.redirect("/form", 303, "/result");
        app.respond("/result", TWIML);

        fetch("POST", app.url("/form"));

        assertEquals("GET", app.requests("/result").get(0).method());
    }

    @Test
    void followsTenRedirects() {
        for (int hop = 0; hop < 10; hop++) {
            app.redirect("/hop/" + hop, "/hop/" + (hop + 1));
        }
        app.respond("/hop/10", TWIML);

        Instructions instructions = fetch("POST", app.url("/hop/0"));

        assertEquals(app.url("/hop/10"), instructions.url());
    }

    @Test
    void fragmentRetriesServerErrors() {
        app.respondInTurn("/flaky", FakeResponse.status(500), FakeResponse.status(503), FakeResponse.twiml(TWIML));

        Instructions instructions = fetch("POST", app.url("/flaky#rc=2&rp=5xx"));

        assertEquals(TWIML, instructions.body());
        assertEquals(3, app.requests("/flaky").size());
    }

    @Test
    void fragmentRetriesClientErrors() {
        app.respondInTurn("/flaky", FakeResponse.status(404), FakeResponse.twiml(TWIML));

        assertEquals(TWIML, fetch("POST", app.url("/flaky#rc=1&rp=4xx")).body());
    }

    @Test
    void fragmentRetriesReadTimeouts() {
        app.respondInTurn("/slow-once", FakeResponse.twiml(TWIML).delayed(Duration.ofSeconds(5)), FakeResponse.twiml(TWIML));

        assertEquals(TWIML, fetch("POST", app.url("/slow-once#rt=200&rc=1&rp=rt")).body());
        assertEquals(2, app.requests("/slow-once").size());
    }

    @Test
    void keepsConnectionsAlive() {
        // With a pool of one, each fetch waits for the connection the previous one gave back;
        // without keep-alive every fetch would need a connection of its own.
        HttpInstructionSource single = new HttpInstructionSource(vertx,
                HttpClientSettings.defaults().withPoolSizePerHost(1), FetchPolicy.TWILIO_DEFAULTS);
        app.respond("/voice", TWIML);

        for (int call = 0; call < 20; call++) {
            Await.result(single.fetch(new InstructionRequest(app.url("/voice"), "POST", callParams(), TOKEN)));
        }

        assertEquals(20, app.requests("/voice").size());
        assertEquals(1, app.connectionsAccepted());
        Await.result(single.close());
    }

    @Test
    void manyConcurrentCallsShareABoundedPool() {
        HttpInstructionSource pooled = new HttpInstructionSource(vertx,
                HttpClientSettings.defaults().withPoolSizePerHost(4), FetchPolicy.TWILIO_DEFAULTS);
        app.respond("/voice", FakeResponse.twiml(TWIML).delayed(Duration.ofMillis(10)));
        List<Future<Instructions>> calls = new ArrayList<>();

        for (int call = 0; call < 200; call++) {
            calls.add(pooled.fetch(new InstructionRequest(app.url("/voice"), "POST", callParams(), TOKEN)));
        }

        calls.forEach(call -> assertEquals(TWIML, Await.result(call).body()));
        assertTrue(app.connectionsAccepted() <= 4, "connections: " + app.connectionsAccepted());
        Await.result(pooled.close());
    }

    @Test
    void worksFromAVertxContextToo() {
        app.respond("/voice", TWIML);
        Promise<Instructions> onContext = Promise.promise();

        vertx.runOnContext(start -> source.fetch(new InstructionRequest(app.url("/voice"), "POST", callParams(), TOKEN))
                .onComplete(onContext));

        assertEquals(TWIML, Await.result(onContext.future()).body());
    }
}
