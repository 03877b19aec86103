package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.events.VerbStarted;
import org.patchbay.testkit.FakeResponse;
import org.patchbay.testkit.TestAudio;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A voice URL may answer TwiML as text/html, plain text to be spoken, or audio to be played, as on Twilio. */
class ResponseTypesIT {
    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.number("3100", "/voice", null, null);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void textHtmlIsTwiml() {
        h.app.respond("/voice", 200, "text/html; charset=utf-8", "<Response><Play>sound:beep</Play></Response>");
        InboundCall call = h.call("+15550003100", "3100");
        CallRecord done = h.finished(call.channelId());
        assertEquals(CallStatus.COMPLETED, done.status());
        assertEquals(List.of("playback sound:beep done"), h.heardMedia(call.channelId()));
    }

    @Test
    void textPlainIsSpoken() {
        h.app.respond("/voice", 200, "text/plain", "Thanks for calling & goodbye <3\n");
        InboundCall call = h.call("+15550003100", "3100");
        VerbStarted say = h.awaitActivity(call.channelId(), VerbStarted.class);
        assertEquals("Say", say.verb());
        h.finished(call.channelId());
        List<String> heard = h.heardMedia(call.channelId());
        assertEquals(1, heard.size(), heard.toString());
        assertTrue(heard.get(0).contains("/media/tts/") && heard.get(0).endsWith(" done"), heard.toString());
    }

    @Test
    void audioIsPlayedFromTheUrlItCameFrom() {
        h.app.respond("/voice", FakeResponse.bytes("audio/mpeg", TestAudio.mp3(1)));
        InboundCall call = h.call("+15550003100", "3100");
        VerbStarted play = h.awaitActivity(call.channelId(), VerbStarted.class);
        assertEquals("Play", play.verb());
        h.finished(call.channelId());
        List<String> heard = h.heardMedia(call.channelId());
        assertEquals(1, heard.size(), heard.toString());
        assertTrue(heard.get(0).matches("playback sound:http://127\\.0\\.0\\.1:\\d+/media/play/[0-9a-f]{64}\\.wav done"),
                "the audio response is converted and played: " + heard);
    }
}
