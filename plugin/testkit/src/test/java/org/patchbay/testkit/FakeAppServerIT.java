package org.patchbay.testkit;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeAppServerIT {
    private static final String TWIML = "<Response><Hangup/></Response>";
    private Vertx vertx;
    private FakeAppServer app;
    private HttpClient client;
    private Context requests;

    private record Answer(int status, String contentType, String location, String body) {
    }

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        requests = vertx.getOrCreateContext();
        app = FakeAppServer.start(vertx).await(10, TimeUnit.SECONDS);
        client = vertx.createHttpClient();
    }

    @AfterEach
    void stop() throws Exception {
        client.close().await(10, TimeUnit.SECONDS);
        app.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private Answer call(HttpMethod method, String uri, String contentType, String body) throws Exception {
        return send(client, method, uri, contentType, body).await(10, TimeUnit.SECONDS);
    }

    /**
     * Requests go out from one event-loop context: Vert.x 5.0.7's client, used straight from the
     * test thread, now and then never connects (seen in about one run in four here).
     */
    private Future<Answer> send(HttpClient via, HttpMethod method, String uri, String contentType, String body) {
        RequestOptions options = new RequestOptions().setAbsoluteURI(app.url(uri)).setMethod(method);
        if (contentType != null) {
            options.putHeader("Content-Type", contentType);
        }
        Promise<Answer> answer = Promise.promise();
        requests.runOnContext(v -> via.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(received -> answerOf(response, received)))
                .onComplete(answer));
        return answer.future();
    }

    private static Answer answerOf(HttpClientResponse response, Buffer body) {
        return new Answer(response.statusCode(), response.getHeader("Content-Type"), response.getHeader("Location"),
                body.toString());
    }

    @Test
    void answersTwimlAndRecordsTheForm() throws Exception {
        app.respond("/voice", TWIML);

        Answer answer = call(HttpMethod.POST, "/voice?tenant=acme", "application/x-www-form-urlencoded",
                "CallSid=CA1&From=%2B1555&CallerName=Zo%C3%AB+X&CallSid=CA2");

        assertEquals(new Answer(200, "text/xml", null, TWIML), answer);
        RecordedRequest request = app.requests().get(0);
        assertEquals("POST", request.method());
        assertEquals("/voice", request.path());
        assertEquals("tenant=acme", request.query());
        assertEquals("/voice?tenant=acme", request.uri());
        assertEquals(List.of("CallSid", "From", "CallerName"), List.copyOf(request.params().keySet()));
        assertEquals("CA1", request.param("CallSid"));
        assertEquals("+1555", request.param("From"));
        assertEquals("Zoë X", request.param("CallerName"));
        assertEquals("application/x-www-form-urlencoded", request.header("CONTENT-TYPE"));
    }

    @Test
    void getParamsComeFromTheQuery() throws Exception {
        app.respond("/voice", TWIML);

        call(HttpMethod.GET, "/voice?Digits=1%23&Empty=", null, "");

        assertEquals("1#", app.requests("/voice").get(0).param("Digits"));
        assertEquals("", app.requests("/voice").get(0).param("Empty"));
    }

    @Test
    void unknownPathsAnswer404AndAreRecorded() throws Exception {
        Answer answer = call(HttpMethod.GET, "/nowhere", null, "");

        assertEquals(404, answer.status());
        assertEquals(1, app.requests("/nowhere").size());
    }

    @Test
    void answersWithAnyStatusContentTypeOrNone() throws Exception {
        app.respond("/html", 503, "text/html", "<p>down</p>");
        app.respond("/bare", FakeResponse.status(200));

        assertEquals(new Answer(503, "text/html", null, "<p>down</p>"), call(HttpMethod.GET, "/html", null, ""));
        assertNull(call(HttpMethod.GET, "/bare", null, "").contentType());
    }

    @Test
    void respondsDynamically() throws Exception {
        app.respondWith("/menu", request -> "1".equals(request.param("Digits"))
                ? FakeResponse.twiml("<Response><Say>Sales</Say></Response>")
                : FakeResponse.twiml("<Response><Say>Try again</Say></Response>"));

        assertTrue(call(HttpMethod.GET, "/menu?Digits=1", null, "").body().contains("Sales"));
        assertTrue(call(HttpMethod.GET, "/menu?Digits=9", null, "").body().contains("Try again"));
    }

    @Test
    void respondsInTurnThenRepeatsTheLast() throws Exception {
        app.respondInTurn("/flaky", FakeResponse.status(500), FakeResponse.twiml(TWIML));

        assertEquals(500, call(HttpMethod.GET, "/flaky", null, "").status());
        assertEquals(200, call(HttpMethod.GET, "/flaky", null, "").status());
        assertEquals(200, call(HttpMethod.GET, "/flaky", null, "").status());
    }

    @Test
    void redirectsWithALocation() throws Exception {
        app.redirect("/old", "new?x=1");
        app.redirect("/perm", 308, "/elsewhere");

        assertEquals(new Answer(302, null, "new?x=1", ""), call(HttpMethod.GET, "/old", null, ""));
        assertEquals(308, call(HttpMethod.GET, "/perm", null, "").status());
    }

    @Test
    void delaysAnswers() throws Exception {
        app.respond("/slow", FakeResponse.twiml(TWIML).delayed(Duration.ofMillis(200)));
        long started = System.nanoTime();

        call(HttpMethod.GET, "/slow", null, "");

        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(200));
    }

    @Test
    void holdsAnswersUntilReleased() throws Exception {
        Promise<FakeResponse> release = Promise.promise();
        app.respondLater("/held", request -> release.future());

        Future<Answer> answer = send(client, HttpMethod.GET, "/held", null, "");
        app.awaitRequest("/held").await(10, TimeUnit.SECONDS);
        release.complete(FakeResponse.twiml(TWIML));

        assertEquals(200, answer.await(10, TimeUnit.SECONDS).status());
    }

    @Test
    void awaitsRequestsAlreadyReceivedOrYetToCome() throws Exception {
        app.respond("/status", FakeResponse.status(204));
        call(HttpMethod.POST, "/status", "application/x-www-form-urlencoded", "Seq=0");

        Future<List<RecordedRequest>> three = app.awaitRequests("/status", 3, Duration.ofSeconds(10));
        call(HttpMethod.POST, "/status", "application/x-www-form-urlencoded", "Seq=1");
        call(HttpMethod.POST, "/status", "application/x-www-form-urlencoded", "Seq=2");

        assertEquals(List.of("0", "1", "2"),
                three.await(10, TimeUnit.SECONDS).stream().map(r -> r.param("Seq")).toList());
        assertEquals("0", app.awaitRequest("/status").await(10, TimeUnit.SECONDS).param("Seq"));
    }

    @Test
    void awaitFailsAfterItsTimeoutSayingWhatArrived() throws Exception {
        call(HttpMethod.GET, "/other", null, "");

        Future<List<RecordedRequest>> never = app.awaitRequests("/voice", 1, Duration.ofMillis(100));

        Exception failure = assertThrows(Exception.class, () -> never.await(10, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, failure);
        assertTrue(failure.getMessage().contains("GET /other"), failure.getMessage());
    }

    @Test
    void resetForgetsRespondersAndRequests() throws Exception {
        app.respond("/voice", TWIML);
        call(HttpMethod.GET, "/voice", null, "");

        app.reset();

        assertTrue(app.requests().isEmpty());
        assertEquals(404, call(HttpMethod.GET, "/voice", null, "").status());
    }

    @Test
    void countsConnectionsSoTestsCanSeeKeepAlive() throws Exception {
        app.respond("/voice", TWIML);
        HttpClient another = vertx.createHttpClient();

        call(HttpMethod.GET, "/voice", null, "");
        assertEquals(1, app.connectionsAccepted());
        send(another, HttpMethod.GET, "/voice", null, "").await(10, TimeUnit.SECONDS);
        assertEquals(2, app.connectionsAccepted());
        another.close().await(10, TimeUnit.SECONDS);
    }
}
