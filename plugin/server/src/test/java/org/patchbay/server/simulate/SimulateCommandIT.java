package org.patchbay.server.simulate;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.testkit.FakeAppServer;
import org.patchbay.testkit.FakeResponse;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code patchbay simulate} run in-process against a real application server, read as a developer reads it. */
class SimulateCommandIT {
    private static final String MENU = """
            <Response>
              <Say voice="alice" language="en-US">Welcome to Acme</Say>
              <Gather numDigits="1" action="/menu"><Say>Press 1 for sales</Say></Gather>
              <Say>We did not get your choice</Say>
            </Response>""";

    @TempDir
    static Path dataDir;
    static Vertx vertx;
    static FakeAppServer app;

    @BeforeAll
    static void startApp() throws Exception {
        vertx = Vertx.vertx();
        app = FakeAppServer.start(vertx).toCompletionStage().toCompletableFuture().get();
    }

    @AfterAll
    static void stopApp() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    @BeforeEach
    void reset() {
        app.reset();
    }

    private static CommandRun simulate(String... args) {
        return CommandRun.of(dataDir, args);
    }

    @Test
    void aMenuAppWithDigitsShowsEachRequestPromptAndKeyInOrder() {
        app.respond("/voice", MENU);
        app.respondWith("/menu", request -> FakeResponse.twiml("1".equals(request.param("Digits"))
                ? "<Response><Say>Connecting you to sales</Say></Response>" : "<Response><Say>Unknown</Say></Response>"));
        CommandRun run = simulate("--url", app.url("/voice"), "--digits", "1");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("", run.err());
        String first = run.lines().get(0);
        assertTrue(first.matches("->  POST " + app.url("/voice")
                + "  \\(CallSid=CA[0-9a-f]{32}, From=\\+15550001111, To=\\+15550002222, CallStatus=ringing\\)  200"), first);
        run.showsInOrder("Say \"Welcome to Acme\" (voice=alice, language=en-US)",
                "Say \"Press 1 for sales\"",
                "..  Gather waits for keys (numDigits=1, finishOnKey=#, timeout=5s)",
                "##  caller presses 1",
                "->  POST " + app.url("/menu") + "  (Digits=1",
                "Say \"Connecting you to sales\"",
                "==  call ended: completed after");
        assertEquals("1", app.requests("/menu").get(0).param("Digits"));
        assertFalse(run.out().contains("We did not get your choice"));
    }

    @Test
    void mediaSitsBetweenTheEventsAroundItEvenWhenItStartsAtOnce() {
        app.respond("/voice", "<Response><Play>sound:beep</Play><Redirect>/next</Redirect></Response>");
        app.respond("/next", "<Response><Play>sound:vm-goodbye</Play></Response>");
        CommandRun run = simulate("--url", app.url("/voice"));

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(6, run.lines().size(), run.out());
        run.showsInOrder("->  POST " + app.url("/voice"), "==  call answered", "))  Play sound:beep",
                "->  POST " + app.url("/next"), "))  Play sound:vm-goodbye", "==  call ended: completed");
    }

    @Test
    void aScriptAnswersTwoPromptsAGatherThenARecord() throws Exception {
        app.respond("/voice", "<Response><Gather action=\"/pin\" finishOnKey=\"#\"><Say>Enter your PIN</Say></Gather></Response>");
        app.respond("/pin", "<Response><Say>Leave a message</Say><Record action=\"/message\" timeout=\"2\" finishOnKey=\"#\"/></Response>");
        app.respond("/message", "<Response><Say>Thank you</Say></Response>");
        Path script = Files.writeString(dataDir.resolve("two-prompts.txt"), """
                # the PIN, then a three-second message ended with #
                42#
                speak 3 #
                """);
        CommandRun run = simulate("--url", app.url("/voice"), "--script", script.toString());

        assertEquals(0, run.exitCode(), run.out() + run.err());
        run.showsInOrder("Say \"Enter your PIN\"", "Gather waits for keys", "##  caller presses 42#",
                "->  POST " + app.url("/pin") + "  (Digits=42, FinishedOnKey=#", "Say \"Leave a message\"",
                "Record started (RE", "##  caller speaks for 3 s, then presses #",
                "->  POST " + app.url("/message"), "Say \"Thank you\"", "call ended: completed");
        RecordedRequest message = app.requests("/message").get(0);
        assertEquals("#", message.param("Digits"));
        assertTrue(Integer.parseInt(message.param("RecordingDuration")) >= 1, message.params().toString());
    }

    @Test
    void aFailingAppExitsNonZeroWithOneLineSayingWhy() {
        app.respond("/voice", 500, "text/plain", "boom");
        CommandRun run = simulate("--url", app.url("/voice"));

        assertEquals(1, run.exitCode());
        run.showsInOrder("->  POST " + app.url("/voice"), "!!  fetch failed: 11200", "call ended: completed");
        List<String> err = run.err().lines().toList();
        assertEquals(1, err.size(), run.err());
        assertTrue(err.get(0).startsWith("patchbay simulate: application error: 11200"), err.get(0));
        assertTrue(err.get(0).contains(app.url("/voice")), err.get(0));
    }

    @Test
    void badTwimlIsAnApplicationError() {
        app.respond("/voice", "<Response><Say>Hello</Say>");
        CommandRun run = simulate("--url", app.url("/voice"));

        assertEquals(1, run.exitCode(), run.out());
        run.showsInOrder("->  POST " + app.url("/voice"), "!!  fetch failed: 12100");
        assertTrue(run.err().startsWith("patchbay simulate: application error: 12100"), run.err());
    }

    @Test
    void aWorkingFallbackSavesTheCall() {
        app.respond("/voice", 503, "text/plain", "down");
        app.respond("/fallback", "<Response><Say>We are having trouble, call back later</Say></Response>");
        CommandRun run = simulate("--url", app.url("/voice"), "--fallback-url", app.url("/fallback"), "--method", "GET");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        run.showsInOrder("->  GET " + app.url("/voice"), "!!  fetch failed: 11200",
                "->  GET " + app.url("/fallback") + "  [fallback]  (ErrorCode=11200, ErrorUrl=" + app.url("/voice"),
                "Say \"We are having trouble, call back later\"", "call ended: completed");
        assertEquals("GET", app.requests("/fallback").get(0).method());
    }

    @Test
    void aFailingFallbackIsStillAnApplicationError() {
        app.respond("/voice", 500, "text/plain", "boom");
        app.respond("/fallback", 404, "text/plain", "gone");
        CommandRun run = simulate("--url", app.url("/voice"), "--fallback-url", app.url("/fallback"));

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(app.url("/voice")) && run.err().contains(app.url("/fallback")), run.err());
    }

    @Test
    void twimlWarningsAreShownWhereTheyHappenedButDoNotFailTheRun() {
        app.respond("/voice", "<Response><Say colour=\"blue\">Hello</Say><Play digits=\"12\"/></Response>");
        CommandRun run = simulate("--url", app.url("/voice"));

        assertEquals(0, run.exitCode(), run.out() + run.err());
        run.showsInOrder("->  POST " + app.url("/voice"), "!   warning", "Say \"Hello\"", "))  DTMF tones 12", "call ended: completed");
        assertTrue(run.out().contains("attribute 'colour' is not supported"), run.out());
    }

    @Test
    void jsonOutputCarriesTheSameStoryForPrograms() {
        app.respond("/voice", MENU);
        app.respond("/hold.wav", org.patchbay.testkit.FakeResponse.bytes("audio/wav", org.patchbay.testkit.TestAudio.wav(8000, 1, 0.5)));
        app.respond("/menu", "<Response><Play>/hold.wav</Play></Response>");
        CommandRun run = simulate("--url", app.url("/voice"), "--digits", "1", "--json", "--from", "+15551230000", "--to", "4000");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        JsonObject json = new JsonObject(run.out());
        assertTrue(json.getBoolean("ok"));
        assertEquals(0, json.getInteger("exitCode"));
        assertEquals("completed", json.getString("status"));
        assertEquals("+15551230000", json.getString("from"));
        assertEquals("4000", json.getString("to"));
        assertTrue(json.getString("callSid").matches("CA[0-9a-f]{32}"), json.getString("callSid"));
        JsonArray transcript = json.getJsonArray("transcript");
        List<String> types = transcript.stream().map(line -> ((JsonObject) line).getString("type")).toList();
        assertEquals(List.of("fetch", "answered", "say", "say", "gather", "caller", "fetch", "play", "ended"), types);
        JsonObject first = transcript.getJsonObject(0);
        assertEquals(200, first.getInteger("status"));
        assertEquals(json.getString("callSid"), first.getJsonObject("params").getString("CallSid"));
        assertEquals("Welcome to Acme", transcript.getJsonObject(2).getString("say"));
        assertEquals("alice", transcript.getJsonObject(2).getString("voice"));
        assertEquals("1", transcript.getJsonObject(5).getString("digits"));
        assertEquals("1", transcript.getJsonObject(6).getJsonObject("params").getString("Digits"));
        assertTrue(transcript.getJsonObject(7).getString("media").matches("sound:http://127\\.0\\.0\\.1:\\d+/media/play/[0-9a-f]{64}\\.wav"),
                transcript.getJsonObject(7).getString("media"));
        assertEquals("completed", transcript.getJsonObject(8).getString("status"));
    }

    @Test
    void aDialEndsOnItsOwnWithTheCalleesLinesInTheTranscript() {
        app.respond("/voice", "<Response><Dial action=\"/dialed\"><Number>+15550004242</Number></Dial></Response>");
        app.respond("/dialed", "<Response><Say>Goodbye</Say></Response>");
        CommandRun run = simulate("--url", app.url("/voice"), "--timeout", "20");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        run.showsInOrder("dialled +15550004242 ringing", "dialled +15550004242 answered",
                "dialled +15550004242 ended: completed after ", "->  POST " + app.url("/dialed"), "Say \"Goodbye\"",
                "call ended: completed");
        assertEquals("completed", app.requests("/dialed").get(0).param("DialCallStatus"));
    }

    @Test
    void aScriptSaysWhatEachCalleeDoes() throws Exception {
        app.respond("/voice", "<Response><Dial action=\"/first\"><Number>+15550004343</Number></Dial></Response>");
        app.respond("/first", "<Response><Dial action=\"/second\"><Number>+15550004444</Number></Dial></Response>");
        app.respond("/second", "<Response><Hangup/></Response>");
        Path script = Files.writeString(dataDir.resolve("callees.txt"), """
                callee +15550004343 busy
                callee * answer 1
                """);
        CommandRun run = simulate("--url", app.url("/voice"), "--script", script.toString(), "--timeout", "20");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        run.showsInOrder("dialled +15550004343 ended: busy", "->  POST " + app.url("/first"),
                "dialled +15550004444 answered", "dialled +15550004444 ended: completed", "call ended: completed");
        assertEquals("busy", app.requests("/first").get(0).param("DialCallStatus"));
        assertEquals("completed", app.requests("/second").get(0).param("DialCallStatus"));
    }

    @Test
    void aCallThatOutlastsTheTimeoutStopsWithExitCode3() {
        app.respond("/voice", "<Response><Gather timeout=\"30\"/></Response>");
        CommandRun run = simulate("--url", app.url("/voice"), "--timeout", "3");

        assertEquals(3, run.exitCode(), run.out());
        run.showsInOrder("Gather waits for keys", "##  caller presses nothing", "stopped waiting");
        assertEquals("patchbay simulate: the call did not end within 3 s", run.err().strip());
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingStarts() throws Exception {
        Path badScript = Files.writeString(dataDir.resolve("bad.txt"), "1\nspeak loudly\n");
        assertRefused("--url is required", "--digits", "1");
        assertRefused("--url must be an absolute http(s) URL, got 'ftp://app.example/voice'", "--url", "ftp://app.example/voice");
        assertRefused("--method must be GET or POST, got 'PUT'", "--url", "http://app.example/voice", "--method", "PUT");
        assertRefused("cannot read script " + dataDir.resolve("missing.txt") + ": no such file",
                "--url", "http://app.example/voice", "--script", dataDir.resolve("missing.txt").toString());
        assertRefused(badScript + " line 2: speak wants seconds", "--url", "http://app.example/voice", "--script", badScript.toString());
        assertRefused("--digits and --script cannot be used together", "--url", "http://app.example/voice",
                "--digits", "1", "--script", badScript.toString());
        assertRefused("unknown option '--colour'", "--url", "http://app.example/voice", "--colour");
        assertRefused("--timeout must be whole seconds", "--url", "http://app.example/voice", "--timeout", "soon");
        assertRefused("--digits: 'abc' is not 1 to 64 keys", "--url", "http://app.example/voice", "--digits", "abc");
    }

    private void assertRefused(String reason, String... args) {
        CommandRun run = simulate(args);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.out());
        List<String> err = run.err().lines().toList();
        assertEquals(1, err.size(), run.err());
        assertTrue(err.get(0).startsWith("patchbay simulate: " + reason), err.get(0));
    }

    @Test
    void helpExplainsTheOptionsAndTheScript() {
        CommandRun run = simulate("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--script FILE") && run.out().contains("speak 3"), run.out());
        assertEquals("", run.err());
    }
}
