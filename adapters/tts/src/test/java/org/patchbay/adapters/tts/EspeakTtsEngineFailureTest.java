package org.patchbay.adapters.tts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.core.tts.Speech;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchbay.adapters.tts.EspeakTtsEngineTest.await;

/** How the engine fails, and that one prompt's trouble stays its own. */
@ExtendWith(VertxExtension.class)
class EspeakTtsEngineFailureTest {

    @TempDir
    Path dir;

    @Test
    void textOverTheLimitFailsWithoutRunningEspeak(Vertx vertx) throws Exception {
        EspeakTtsEngine engine = engine(vertx, EspeakSettings.defaults(dir.resolve("tts")));

        TtsException failure = failure(engine.synthesize("a".repeat(4097), null, null));

        assertEquals("text is 4097 characters long; the limit is 4096", failure.getMessage());
        assertEquals(0, engine.launches());
        await(engine.close());
    }

    @Test
    void blankTextFails(Vertx vertx) throws Exception {
        EspeakTtsEngine engine = engine(vertx, EspeakSettings.defaults(dir.resolve("tts")));

        assertEquals("there is no text to say", failure(engine.synthesize("  \n", null, null)).getMessage());
        assertEquals("there is no text to say", failure(engine.synthesize(null, null, null)).getMessage());
        await(engine.close());
    }

    @Test
    void aMissingBinaryFailsAndIsTriedAgainNextTime(Vertx vertx) throws Exception {
        String missing = dir.resolve("no-such-espeak-ng").toString();
        EspeakTtsEngine engine = engine(vertx, EspeakSettings.defaults(dir.resolve("tts")).withBinary(missing));

        TtsException first = failure(engine.synthesize("Hello", null, null));
        TtsException second = failure(engine.synthesize("Hello", null, null));

        assertTrue(first.getMessage().startsWith("cannot start espeak-ng (" + missing + ")"), first.getMessage());
        assertEquals(first.getMessage(), second.getMessage());
        assertEquals(2, engine.launches(), "a failure is not cached");
        assertNoFilesIn(dir.resolve("tts"));
        await(engine.close());
    }

    @Test
    void aNonZeroExitFailsWithTheHeadOfStderr(Vertx vertx) throws Exception {
        Path broken = Scripts.executable(dir, "broken-espeak-ng", """
                echo "Error: the voice file is damaged" >&2
                exit 3""");
        EspeakTtsEngine engine = engine(vertx,
                EspeakSettings.defaults(dir.resolve("tts")).withBinary(broken.toString()));

        TtsException failure = failure(engine.synthesize("Hello", null, null));

        assertEquals("espeak-ng exited with status 3: Error: the voice file is damaged", failure.getMessage());
        failure(engine.synthesize("Hello", null, null));
        assertEquals(2, engine.launches(), "a failure is not cached");
        assertNoFilesIn(dir.resolve("tts"));
        await(engine.close());
    }

    @Test
    void aHungEspeakIsKilledAfterTheTimeout(Vertx vertx) throws Exception {
        Path hung = Scripts.executable(dir, "hung-espeak-ng", "exec sleep 600");
        EspeakTtsEngine engine = engine(vertx, EspeakSettings.defaults(dir.resolve("tts"))
                .withBinary(hung.toString()).withTimeout(Duration.ofMillis(300)));

        TtsException failure = failure(engine.synthesize("Hello", null, null));

        assertEquals("espeak-ng did not finish within 300 ms and was killed", failure.getMessage());
        assertTrue(ProcessHandle.current().descendants()
                .noneMatch(child -> child.info().commandLine().orElse("").contains("sleep 600")), "the child is gone");
        assertNoFilesIn(dir.resolve("tts"));
        await(engine.close());
    }

    @Test
    void aSlowPromptDoesNotDelayAnotherCallsPrompt(Vertx vertx) throws Exception {
        Path release = dir.resolve("release");
        Path held = Scripts.espeakHeldBy(dir, release);
        EspeakTtsEngine engine = engine(vertx, EspeakSettings.defaults(dir.resolve("tts")).withBinary(held.toString()));

        Future<Speech> slow = engine.synthesize("This slow prompt takes its time.", null, null);
        Speech quick = await(engine.synthesize("Welcome.", null, null));

        assertTrue(quick.durationMillis() > 0);
        assertFalse(slow.isComplete(), "the slow prompt is still being synthesised");
        Files.createFile(release);
        assertTrue(await(slow).durationMillis() > quick.durationMillis());
        await(engine.close());
    }

    @Test
    void afterCloseSynthesisFailsInsteadOfHanging(Vertx vertx) throws Exception {
        EspeakTtsEngine engine = engine(vertx, EspeakSettings.defaults(dir.resolve("tts")));
        await(engine.close());

        TtsException first = failure(engine.synthesize("Hello", null, null));
        TtsException second = failure(engine.synthesize("Hello", null, null));

        assertEquals("the patchbay-tts worker pool is closed", first.getMessage());
        assertEquals(first.getMessage(), second.getMessage());
    }

    private static EspeakTtsEngine engine(Vertx vertx, EspeakSettings settings) {
        return new EspeakTtsEngine(vertx, settings);
    }

    private static TtsException failure(Future<Speech> synthesis) {
        return assertThrows(TtsException.class, () -> await(synthesis));
    }

    /** No half-written WAV, and no scratch file, survives a failed synthesis. */
    private static void assertNoFilesIn(Path cacheDir) throws Exception {
        if (Files.exists(cacheDir)) {
            try (Stream<Path> files = Files.list(cacheDir)) {
                assertEquals(0, files.filter(Files::isRegularFile).count());
            }
        }
    }
}
