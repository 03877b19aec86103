package org.patchbay.adapters.tts;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.core.tts.Speech;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine with the real espeak-ng: audio format, caching, single flight and voices. */
@ExtendWith(VertxExtension.class)
class EspeakTtsEngineTest {

    private static final String SENTENCE = "Thank you for calling. Please hold while we connect you.";

    @TempDir
    Path cacheDir;
    private EspeakTtsEngine engine;
    private EspeakSettings settings;

    @BeforeEach
    void startEngine(Vertx vertx) {
        this.settings = EspeakSettings.defaults(cacheDir);
        this.engine = new EspeakTtsEngine(vertx, settings);
    }

    @AfterEach
    void closeEngine() throws Exception {
        await(engine.close());
    }

    @Test
    void writesEightKilohertzSixteenBitMonoWavWithCorrectLengths() throws Exception {
        Speech speech = await(engine.synthesize(SENTENCE, null, "en-US"));

        assertEquals(cacheDir.toAbsolutePath().resolve(speech.id() + ".wav"), speech.file());
        long size = Files.size(speech.file());
        WavHeader header = WavHeader.of(speech.file());
        assertEquals("RIFF", header.riff());
        assertEquals(size - 8, header.riffSize());
        assertEquals("WAVE", header.wave());
        assertEquals("fmt ", header.fmt());
        assertEquals(16, header.fmtSize());
        assertEquals(1, header.format(), "PCM");
        assertEquals(1, header.channels());
        assertEquals(8000, header.sampleRate());
        assertEquals(16000, header.byteRate());
        assertEquals(2, header.blockAlign());
        assertEquals(16, header.bitsPerSample());
        assertEquals("data", header.data());
        assertEquals(size - 44, header.dataSize());
        assertEquals(header.dataSize() / 2 * 1000L / 8000, speech.durationMillis());
    }

    @Test
    void durationIsPlausibleAndGrowsWithTheText() throws Exception {
        Speech shortOne = await(engine.synthesize("Hello, this is a short sentence.", null, null));
        Speech longOne = await(engine.synthesize(
                "Hello, this is a much longer sentence, which goes on and on for quite a while, "
                        + "so that it certainly takes longer to say than the short one.", null, null));

        assertTrue(shortOne.durationMillis() > 500, "short sentence lasts " + shortOne.durationMillis() + " ms");
        assertTrue(longOne.durationMillis() > shortOne.durationMillis() * 2,
                longOne.durationMillis() + " ms vs " + shortOne.durationMillis() + " ms");
    }

    @Test
    void textStartingWithADashIsSpokenNotParsedAsAnOption() throws Exception {
        Speech speech = await(engine.synthesize("--help -v xx minus five degrees", null, null));

        assertTrue(speech.durationMillis() > 500);
    }

    @Test
    void theSamePromptTwiceRunsEspeakOnce() throws Exception {
        Speech first = await(engine.synthesize(SENTENCE, "woman", "en-GB"));
        Speech second = await(engine.synthesize(SENTENCE, "woman", "en-GB"));

        assertEquals(first, second);
        assertEquals(1, engine.launches());
    }

    @Test
    void concurrentRequestsForOnePromptShareOneSynthesis(Vertx vertx) throws Exception {
        Path release = cacheDir.resolve("release");
        EspeakTtsEngine held = heldEngine(vertx, release);
        List<Future<Speech>> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            requests.add(held.synthesize("A slow prompt everybody waits for.", "alice", "en-US"));
        }
        Files.createFile(release);

        for (Future<Speech> request : requests) {
            assertEquals(await(requests.get(0)), await(request));
        }
        assertEquals(1, held.launches());
        await(held.close());
    }

    @Test
    void eachCallerSharingASynthesisIsAnsweredOnItsOwnContext(Vertx vertx) throws Exception {
        Path release = cacheDir.resolve("release");
        EspeakTtsEngine held = heldEngine(vertx, release);
        Promise<Boolean> first = Promise.promise();
        Promise<Boolean> second = Promise.promise();

        await(vertx.deployVerticle(context -> askOnContext(held, context, first)));
        await(vertx.deployVerticle(context -> askOnContext(held, context, second)));
        Files.createFile(release);

        assertTrue(await(first.future()), "first caller answered on its context");
        assertTrue(await(second.future()), "second caller answered on its context");
        assertEquals(1, held.launches());
        await(held.close());
    }

    @Test
    void aDifferentLanguagePicksADifferentVoice() throws Exception {
        Speech english = await(engine.synthesize("Bonjour, merci de votre appel.", null, "en-US"));
        Speech french = await(engine.synthesize("Bonjour, merci de votre appel.", null, "fr-FR"));

        assertNotEquals(english.id(), french.id());
        assertFalse(Arrays.equals(Files.readAllBytes(english.file()), Files.readAllBytes(french.file())));
        assertEquals(2, engine.launches());
    }

    @Test
    void aNewEngineOnTheSameDirectoryReusesTheFiles(Vertx vertx) throws Exception {
        Speech original = await(engine.synthesize(SENTENCE, "man", "de-DE"));
        FileTime written = Files.getLastModifiedTime(original.file());
        byte[] audio = Files.readAllBytes(original.file());

        EspeakTtsEngine restarted = new EspeakTtsEngine(vertx, settings);
        assertEquals(original, restarted.cached(original.id()), "the media route finds it before any Say");
        Speech reused = await(restarted.synthesize(SENTENCE, "man", "de-DE"));

        assertEquals(original, reused);
        assertEquals(0, restarted.launches());
        assertEquals(written, Files.getLastModifiedTime(reused.file()));
        assertArrayEquals(audio, Files.readAllBytes(reused.file()));
        await(restarted.close());
    }

    @Test
    void aCorruptFileIsRebuilt(Vertx vertx) throws Exception {
        Speech original = await(engine.synthesize(SENTENCE, null, "es-MX"));
        byte[] audio = Files.readAllBytes(original.file());
        Files.write(original.file(), Arrays.copyOf(audio, audio.length / 2));

        EspeakTtsEngine restarted = new EspeakTtsEngine(vertx, settings);
        assertNull(restarted.cached(original.id()), "a truncated file is not served");
        Speech rebuilt = await(restarted.synthesize(SENTENCE, null, "es-MX"));

        assertEquals(1, restarted.launches());
        assertEquals(original, rebuilt);
        assertArrayEquals(audio, Files.readAllBytes(rebuilt.file()));
        await(restarted.close());
    }

    @Test
    void anEmptyFileIsRebuilt(Vertx vertx) throws Exception {
        Speech original = await(engine.synthesize(SENTENCE, null, null));
        Files.write(original.file(), new byte[0]);

        EspeakTtsEngine restarted = new EspeakTtsEngine(vertx, settings);
        Speech rebuilt = await(restarted.synthesize(SENTENCE, null, null));

        assertEquals(1, restarted.launches());
        assertEquals(original.durationMillis(), rebuilt.durationMillis());
        await(restarted.close());
    }

    @Test
    void cachedFindsSynthesisedSpeechAndNothingElse() throws Exception {
        Speech speech = await(engine.synthesize(SENTENCE, null, null));

        assertEquals(speech, engine.cached(speech.id()));
        assertNull(engine.cached("0".repeat(64)), "well-formed but never synthesised");
    }

    @Test
    void cachedRejectsIdsThatAreNotSha256Hex() throws Exception {
        Speech speech = await(engine.synthesize(SENTENCE, null, null));
        Files.writeString(cacheDir.resolve("secret.wav"), "not for you");

        assertNull(engine.cached(null));
        assertNull(engine.cached(""));
        assertNull(engine.cached("../" + speech.id()));
        assertNull(engine.cached(speech.id() + ".wav"));
        assertNull(engine.cached(speech.id().substring(1)));
        assertNull(engine.cached(speech.id().toUpperCase(Locale.ROOT)));
        assertNull(engine.cached("secret"));
        assertNull(engine.cached("../../etc/passwd"));
        assertNotNull(engine.cached(speech.id()));
    }

    @Test
    void noScratchFilesAreLeftBehind() throws Exception {
        Speech speech = await(engine.synthesize(SENTENCE, null, null));

        try (var files = Files.list(speech.file().getParent())) {
            assertEquals(List.of(speech.file().getFileName().toString()),
                    files.map(file -> file.getFileName().toString()).toList());
        }
    }

    /** An engine whose prompts containing "slow" stay in synthesis until {@code release} exists. */
    private EspeakTtsEngine heldEngine(Vertx vertx, Path release) throws Exception {
        Path binary = Scripts.espeakHeldBy(Files.createTempDirectory(cacheDir, "bin"), release);
        return new EspeakTtsEngine(vertx,
                EspeakSettings.defaults(cacheDir.resolve("held")).withBinary(binary.toString()));
    }

    private static Future<Void> askOnContext(EspeakTtsEngine engine, Context context, Promise<Boolean> answeredHere) {
        engine.synthesize("A slow prompt for two callers.", "Polly.Joanna", null)
                .onComplete(result -> answeredHere.complete(result.succeeded() && Vertx.currentContext() == context));
        return Future.succeededFuture();
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.await(60, TimeUnit.SECONDS);
    }
}
