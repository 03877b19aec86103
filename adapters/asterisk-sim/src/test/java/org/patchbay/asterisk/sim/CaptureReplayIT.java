package org.patchbay.asterisk.sim;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchbay.asterisk.sim.media.Wav;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays every capture of a real Asterisk 22.10.1 against the sim and compares status codes, the shape
 * and stable values of every response and {@code voice} event, and the order of the events about each
 * channel, playback, recording and bridge (see {@link EventMatcher} for what is compared and why).
 */
class CaptureReplayIT {
    private static final double FAST = 0.05;
    /** The caller acts while a 7 s prompt plays; a slower pace keeps the prompt going on a noisy machine. */
    private static final double MID_PROMPT = 0.1;
    /** Recording durations are whole seconds of captured audio; at half speed timing noise cannot change them. */
    private static final double RECORDING_PACE = 0.5;
    private static final long PROMPT_MILLIS = 3600;

    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().await();
    }

    static Stream<Arguments> captures() {
        return Stream.of(
                Arguments.of("asterisk-info.jsonl", FAST),
                Arguments.of("inbound-stasis-answer-play-hangup.jsonl", FAST),
                Arguments.of("dtmf-gather.jsonl", MID_PROMPT),
                Arguments.of("record.jsonl", RECORDING_PACE),
                Arguments.of("bridge-dial.jsonl", FAST),
                Arguments.of("bridge-dial-create.jsonl", FAST),
                Arguments.of("playback-http-media.jsonl", FAST),
                Arguments.of("caller-hangs-up-mid-playback.jsonl", MID_PROMPT),
                Arguments.of("caller-abandons-before-answer.jsonl", FAST),
                Arguments.of("originate-failure.jsonl", FAST),
                Arguments.of("error-responses.jsonl", FAST),
                Arguments.of("amd.jsonl", FAST),
                Arguments.of("snoop-fork-channels.jsonl", FAST),
                Arguments.of("snoop-fork-media.jsonl", MID_PROMPT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void theSimBehavesAsCaptured(String file, double scale) throws Exception {
        try (MediaServer media = MediaServer.start(vertx, freeFourDigitPort(8200))) {
            servePrompts(media);
            int refusedPort = freeFourDigitPort(8300);
            CaptureFile capture = CaptureFile.load(file, Map.of(
                    "127.0.0.1:8099", "127.0.0.1:" + media.port(),
                    "127.0.0.1%3A8099", "127.0.0.1%3A" + media.port(),
                    "127.0.0.1:8098", "127.0.0.1:" + refusedPort,
                    "127.0.0.1%3A8098", "127.0.0.1%3A" + refusedPort));
            try (Replay replay = new Replay(vertx, capture, scale)) {
                List<String> problems = replay.run();
                assertTrue(problems.isEmpty(), file + " differs from the capture:\n  " + String.join("\n  ", problems));
            }
        }
    }

    private static void servePrompts(MediaServer media) {
        for (String path : List.of("/prompt.wav", "/x.wav", "/xy.wav")) {
            media.serve(path, MediaServer.Media.wav(Wav.tone(PROMPT_MILLIS), "Content-Type", "audio/wav"));
        }
        media.serve("/prompt-noext", MediaServer.Media.wav(Wav.tone(PROMPT_MILLIS),
                "Content-Type", "application/octet-stream"));
    }

    /**
     * The capture's HTTP media URLs are 27 and 28 characters long with a four-digit port, and Asterisk
     * 22.10.1 fails the shorter one, so the replay needs four-digit ports too. The two ranges searched
     * stay clear of the capture's own ports (8098, 8099) and of each other, so replacing one port in
     * the capture can never turn into another replacement's port.
     */
    private static int freeFourDigitPort(int from) {
        for (int port = from; port < from + 100; port++) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort();
            } catch (IOException inUse) {
                // Try the next one.
            }
        }
        throw new IllegalStateException("no free four-digit port");
    }
}
