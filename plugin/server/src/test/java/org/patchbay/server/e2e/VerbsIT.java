package org.patchbay.server.e2e;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Reject;
import com.twilio.twiml.voice.Say;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.AriRequest;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Say, Play, Pause, Hangup, Reject and Redirect as a caller experiences them. */
class VerbsIT {
    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.number("3000", "/voice", null, null);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private InboundCall run(VoiceResponse twiml) {
        h.app.respond("/voice", twiml.toXml());
        return h.call("+15550000002", "3000");
    }

    @Test
    void sayLoopsTheSameSynthesisedPrompt() {
        InboundCall call = run(new VoiceResponse.Builder()
                .say(new Say.Builder("Twice please").loop(2).voice(Say.Voice.WOMAN).language(Say.Language.EN_GB).build())
                .build());
        h.finished(call.channelId());
        List<String> heard = h.heardMedia(call.channelId());
        assertEquals(2, heard.size(), heard.toString());
        assertEquals(heard.get(0), heard.get(1));
        assertTrue(heard.get(0).contains("/media/tts/"));
    }

    @Test
    void playTakesAsteriskSoundsAndLoops() {
        InboundCall call = run(new VoiceResponse.Builder()
                .play(new Play.Builder("sound:hello-world").build())
                .play(new Play.Builder("sound:beep").loop(2).build())
                .build());
        h.finished(call.channelId());
        assertEquals(List.of("playback sound:hello-world done", "playback sound:beep done", "playback sound:beep done"),
                h.heardMedia(call.channelId()));
    }

    @Test
    void pauseWaitsAndTheDocumentEndHangsUp() {
        InboundCall call = run(new VoiceResponse.Builder()
                .pause(new Pause.Builder().length(2).build())
                .play(new Play.Builder("sound:beep").build())
                .build());
        CallRecord done = h.finished(call.channelId());
        assertEquals(CallStatus.COMPLETED, done.status());
        assertEquals(List.of("playback sound:beep done"), h.heardMedia(call.channelId()));
    }

    @Test
    void rejectNeverAnswersAndEndsBusyOrNoAnswer() {
        InboundCall busy = run(new VoiceResponse.Builder().reject(new Reject.Builder().reason(Reject.Reason.BUSY).build()).build());
        CallRecord busyDone = h.finished(busy.channelId());
        assertEquals(CallStatus.BUSY, busyDone.status());
        assertNull(busyDone.startTime());
        assertEquals(0L, busyDone.duration());
        List<AriRequest> requests = Harness.await(h.asterisk.requests());
        assertFalse(requests.stream().anyMatch(r -> r.path().contains(busy.channelId() + "/answer")), "never answered");

        InboundCall rejected = run(new VoiceResponse.Builder().reject(new Reject.Builder().build()).build());
        assertEquals(CallStatus.NO_ANSWER, h.finished(rejected.channelId()).status());
        h.assertNothingLeaked();
    }

    @Test
    void redirectResolvesRelativeUrlsAndUsesItsMethod() {
        h.app.respond("/next", new VoiceResponse.Builder().play(new Play.Builder("sound:beep").build()).build().toXml());
        InboundCall call = run(new VoiceResponse.Builder()
                .redirect(new Redirect.Builder("next?step=2").method(com.twilio.http.HttpMethod.GET).build()).build());
        h.finished(call.channelId());
        RecordedRequest next = Harness.await(h.app.awaitRequest("/next"));
        assertEquals("GET", next.method());
        assertEquals("2", next.param("step"));
        assertEquals("in-progress", next.param("CallStatus"));
        assertEquals(List.of("playback sound:beep done"), h.heardMedia(call.channelId()));
    }

    @Test
    void theCallIsAnsweredBeforeTheFirstVerb() {
        InboundCall call = run(new VoiceResponse.Builder().play(new Play.Builder("sound:beep").build()).build());
        h.finished(call.channelId());
        List<String> paths = Harness.await(h.asterisk.requests()).stream()
                .filter(r -> r.path().contains(call.channelId())).map(r -> r.method() + " " + r.path().replaceAll("\\?.*", "")).toList();
        int answer = paths.indexOf("POST /channels/" + call.channelId() + "/answer");
        int play = paths.stream().filter(p -> p.contains("/play")).findFirst().map(paths::indexOf).orElse(-1);
        assertTrue(answer >= 0 && play > answer, paths.toString());
    }
}
