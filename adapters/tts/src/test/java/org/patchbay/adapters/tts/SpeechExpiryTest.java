package org.patchbay.adapters.tts;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.core.tts.Speech;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchbay.adapters.tts.EspeakTtsEngineTest.await;

/** Old prompt files are deleted, their ids are then unknown, and asking again synthesises anew. */
@ExtendWith(VertxExtension.class)
class SpeechExpiryTest {
    @TempDir
    Path cacheDir;

    @Test
    void aFileOlderThanMaxAgeIsDeletedAndItsIdIsUnknown(Vertx vertx) throws Exception {
        EspeakTtsEngine engine = new EspeakTtsEngine(vertx, EspeakSettings.defaults(cacheDir).withMaxAge(Duration.ofDays(1)));
        Speech old = await(engine.synthesize("Your code is 1 2 3 4", null, null));
        Speech fresh = await(engine.synthesize("Welcome", null, null));
        Files.setLastModifiedTime(old.file(), FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        assertEquals(1, await(engine.deleteExpired()));

        assertFalse(Files.exists(old.file()));
        assertNull(engine.cached(old.id()), "an expired id is not served, even from the memory index");
        assertEquals(fresh, engine.cached(fresh.id()));
        long before = engine.launches();
        Speech again = await(engine.synthesize("Your code is 1 2 3 4", null, null));
        assertEquals(before + 1, engine.launches());
        assertTrue(Files.exists(again.file()));
        await(engine.close());
    }

    @Test
    void nothingButPromptFilesIsDeleted(Vertx vertx) throws Exception {
        EspeakTtsEngine engine = new EspeakTtsEngine(vertx, EspeakSettings.defaults(cacheDir).withMaxAge(Duration.ofDays(1)));
        Path other = Files.writeString(cacheDir.resolve("notes.wav"), "not ours");
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(Duration.ofDays(9))));

        assertEquals(0, await(engine.deleteExpired()));
        assertTrue(Files.exists(other));
        await(engine.close());
    }
}
