package org.patchbay.adapters.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.instructions.InstructionFetchException;
import org.patchbay.core.instructions.InstructionRequest;
import org.patchbay.testkit.FakeResponse;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchbay.adapters.http.HttpInstructionSourceIT.TOKEN;
import static org.patchbay.adapters.http.HttpInstructionSourceIT.TWIML;
import static org.patchbay.adapters.http.HttpInstructionSourceIT.callParams;

/** Each way a fetch can fail, and the Twilio error code it fails with. */
class HttpInstructionSourceFailureIT extends InstructionSourceIT {
    private InstructionFetchException failure(String url) {
        return Await.failure(source.fetch(new InstructionRequest(url, "POST", callParams(), TOKEN)), InstructionFetchException.class);
    }

    @Test
    void notFoundIsARetrievalFailureWithStatusAndBody() {
        InstructionFetchException failure = failure(app.url("/missing"));

        assertEquals(ErrorCode.HTTP_RETRIEVAL_FAILURE, failure.errorCode());
        assertEquals(404, failure.responseStatus());
        assertEquals("no responder for /missing", failure.responseBody());
        assertEquals(1, app.requests("/missing").size());
    }

    @Test
    void serverErrorIsARetrievalFailureAndIsNotRetriedByDefault() {
        app.respond("/crash", 500, "text/html", "<h1>boom</h1>");

        InstructionFetchException failure = failure(app.url("/crash"));

        assertEquals(ErrorCode.HTTP_RETRIEVAL_FAILURE, failure.errorCode());
        assertEquals(500, failure.responseStatus());
        assertEquals("<h1>boom</h1>", failure.responseBody());
        assertEquals(1, app.requests("/crash").size());
    }

    @Test
    void retriesAreBoundedByTheRetryCount() {
        app.respond("/crash", 503, "text/plain", "busy");

        InstructionFetchException failure = failure(app.url("/crash#rc=2&rp=5xx"));

        assertEquals(503, failure.responseStatus());
        assertEquals(3, app.requests("/crash").size());
    }

    @Test
    void errorBodyIsCutToitsFirstKibibyte() {
        app.respond("/crash", 500, "text/plain", "x".repeat(5000));

        assertEquals(1024, failure(app.url("/crash")).responseBody().length());
    }

    @Test
    void wrongContentTypeIsInvalidContentType() {
        app.respond("/json", 200, "application/json; charset=utf-8", "{\"say\":\"Hello\"}");

        InstructionFetchException failure = failure(app.url("/json"));

        assertEquals(ErrorCode.INVALID_CONTENT_TYPE, failure.errorCode());
        assertEquals(200, failure.responseStatus());
        assertEquals("{\"say\":\"Hello\"}", failure.responseBody());
        assertTrue(failure.getMessage().contains("application/json"), failure.getMessage());
    }

    @Test
    void missingContentTypeIsInvalidContentType() {
        app.respond("/bare", 200, null, TWIML);

        assertEquals(ErrorCode.INVALID_CONTENT_TYPE, failure(app.url("/bare")).errorCode());
    }

    @Test
    void xmlLookalikeContentTypesAreRefused() {
        app.respond("/rss", 200, "application/rss+xml", TWIML);

        assertEquals(ErrorCode.INVALID_CONTENT_TYPE, failure(app.url("/rss")).errorCode());
    }

    @Test
    void refusedConnectionIsAConnectionFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        InstructionFetchException failure = failure("http://127.0.0.1:" + closedPort + "/voice");

        assertEquals(ErrorCode.HTTP_CONNECTION_FAILURE, failure.errorCode());
        assertNull(failure.responseStatus());
    }

    @Test
    void unknownHostIsABadHostName() {
        InstructionFetchException failure = failure("http://nonexistent.invalid/voice");

        assertEquals(ErrorCode.HTTP_UNKNOWN_HOST, failure.errorCode());
        assertTrue(failure.getMessage().contains("nonexistent.invalid"), failure.getMessage());
    }

    @Test
    void slowServerTimesOutWithinTheTotalTimeOfTheFragment() {
        app.respond("/slow", FakeResponse.twiml(TWIML).delayed(Duration.ofSeconds(10)));
        long started = System.nanoTime();

        InstructionFetchException failure = failure(app.url("/slow#tt=300"));

        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(ErrorCode.HTTP_CONNECTION_FAILURE, failure.errorCode());
        assertTrue(elapsedMs >= 250 && elapsedMs < 3_000, "timed out after " + elapsedMs + " ms");
    }

    @Test
    void silentServerTimesOutOnTheReadTimeoutOfTheFragment() {
        app.respond("/slow", FakeResponse.twiml(TWIML).delayed(Duration.ofSeconds(10)));
        long started = System.nanoTime();

        InstructionFetchException failure = failure(app.url("/slow#rt=200"));

        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(ErrorCode.HTTP_CONNECTION_FAILURE, failure.errorCode());
        assertTrue(elapsedMs >= 150 && elapsedMs < 3_000, "timed out after " + elapsedMs + " ms");
    }

    @Test
    void redirectLoopIsTooManyRedirects() {
        app.redirect("/loop", "/loop");

        InstructionFetchException failure = failure(app.url("/loop"));

        assertEquals(ErrorCode.HTTP_TOO_MANY_REDIRECTS, failure.errorCode());
        assertEquals(302, failure.responseStatus());
        assertEquals(11, app.requests("/loop").size());
    }

    @Test
    void redirectWithoutLocationIsARetrievalFailure() {
        app.respond("/lost", FakeResponse.status(302));

        assertEquals(ErrorCode.HTTP_RETRIEVAL_FAILURE, failure(app.url("/lost")).errorCode());
    }

    @Test
    void redirectToAnotherSchemeIsAnInvalidUrl() {
        app.redirect("/ftp", "ftp://files.example/voice.xml");

        assertEquals(ErrorCode.INVALID_URL, failure(app.url("/ftp")).errorCode());
    }

    @Test
    void bodyOfExactly64KibIsAccepted() {
        String padding = "<!--" + "x".repeat(64 * 1024 - TWIML.length() - 7) + "-->";
        app.respond("/big", TWIML + padding);

        assertEquals(64 * 1024, Await.result(source.fetch(
                new InstructionRequest(app.url("/big"), "POST", callParams(), TOKEN))).body().length());
    }

    @Test
    void oversizedBodyIsARetrievalFailure() {
        app.respond("/huge", TWIML + "<!--" + "x".repeat(70 * 1024) + "-->");

        InstructionFetchException failure = failure(app.url("/huge"));

        assertEquals(ErrorCode.HTTP_RETRIEVAL_FAILURE, failure.errorCode());
        assertTrue(failure.getMessage().contains("response larger than 64 KiB"), failure.getMessage());
        assertEquals(1024, failure.responseBody().length());
    }

    @Test
    void endlessBodyIsCutOffInsteadOfBuffered() {
        Promise<Void> connectionClosed = Promise.promise();
        HttpServer endless = Await.result(vertx.createHttpServer().requestHandler(request -> {
            Buffer chunk = Buffer.buffer("<!--" + "x".repeat(16 * 1024) + "-->");
            request.response().setChunked(true).putHeader("Content-Type", "text/xml").write("<Response>");
            long pump = vertx.setPeriodic(5, id -> request.response().write(chunk));
            request.connection().closeHandler(closed -> {
                vertx.cancelTimer(pump);
                connectionClosed.tryComplete();
            });
        }).listen(0, "127.0.0.1"));

        InstructionFetchException failure = failure("http://127.0.0.1:" + endless.actualPort() + "/voice");

        assertEquals(ErrorCode.HTTP_RETRIEVAL_FAILURE, failure.errorCode());
        assertTrue(failure.getMessage().contains("response larger than 64 KiB"), failure.getMessage());
        Await.result(connectionClosed.future());
        Await.result(endless.close());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "voice.xml", "/voice", "ftp://example.com/voice", "http://", "http://host:99999/x",
            "not a url at all"})
    void badUrlIsAnInvalidUrl(String url) {
        Future<?> fetch = source.fetch(new InstructionRequest(url, "POST", callParams(), TOKEN));

        InstructionFetchException failure = Await.failure(fetch, InstructionFetchException.class);
        assertEquals(ErrorCode.INVALID_URL, failure.errorCode());
    }
}
