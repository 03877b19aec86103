package org.patchbay.server;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.server.e2e.Harness;
import org.patchbay.server.secrets.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a real Asterisk (here the simulated one, reached over ARI as a real one would be) and no Redis,
 * what the API creates lives in PATCHBAY_DATA_DIR and is there again after a restart, and a write cut
 * short by a crash costs only itself.
 */
class EmbeddedStoreRestartIT {
    @TempDir
    Path dataDir;

    @Test
    void generatedCredentialsNumbersApplicationsAndKeysSurviveARestart() throws Exception {
        try (Harness h = Harness.start(dataDir)) {
            assertEquals("file", h.patchbay.store().name());
            assertTrue(h.patchbay.accountGenerated());
            assertTrue(Banner.of(h.patchbay).contains("several nodes need Redis"), Banner.of(h.patchbay));
            String mainSid = h.patchbay.mainAccount().sid();
            String mainToken = h.patchbay.mainAccount().authToken();
            Api api = new Api(h.patchbay.httpPort());
            JsonObject sub = api.subaccount(mainSid, mainToken, "Tenant");
            JsonObject key = api.apiKey(mainSid, mainToken);
            JsonObject app = created(api.post(mainSid, mainToken, "/2010-04-01/Accounts/" + mainSid + "/Applications.json",
                    "FriendlyName=Kept&VoiceUrl=" + h.app.url("/app-voice")));
            created(api.post(mainSid, mainToken, "/2010-04-01/Accounts/" + mainSid + "/IncomingPhoneNumbers.json",
                    "PhoneNumber=%2B15550004242&VoiceUrl=" + h.app.url("/kept")));

            h.restartPatchbay();

            assertFalse(h.patchbay.accountGenerated(), "the generated account was read back, not made again");
            assertEquals(mainSid, h.patchbay.mainAccount().sid());
            assertEquals(mainToken, h.patchbay.mainAccount().authToken());
            api = new Api(h.patchbay.httpPort());
            assertEquals(200, api.readCalls(mainSid, mainSid, mainToken));
            assertEquals(200, api.readCalls(sub.getString("sid"), sub.getString("sid"), sub.getString("auth_token")));
            assertEquals(200, api.readCalls(mainSid, key.getString("sid"), key.getString("secret")));
            Api.Reply application = api.get(mainSid, mainToken, "/2010-04-01/Accounts/" + mainSid + "/Applications/"
                    + app.getString("sid") + ".json");
            assertEquals(h.app.url("/app-voice"), application.body().getString("voice_url"));

            h.app.respond("/kept", "<Response><Hangup/></Response>");
            InboundCall call = h.call("+15550001234", "+15550004242");
            assertEquals("+15550004242", Harness.await(h.app.awaitRequest("/kept")).param("To"));
            h.finished(call.channelId());
        }
    }

    @Test
    void aTornFinalJournalRecordIsIgnoredWithoutLosingTheRecordsBeforeIt() throws Exception {
        try (Harness h = Harness.start(dataDir)) {
            String mainSid = h.patchbay.mainAccount().sid();
            String mainToken = h.patchbay.mainAccount().authToken();
            Api api = new Api(h.patchbay.httpPort());
            String numbers = "/2010-04-01/Accounts/" + mainSid + "/IncomingPhoneNumbers.json";
            created(api.post(mainSid, mainToken, numbers, "PhoneNumber=%2B15550001111"));
            created(api.post(mainSid, mainToken, numbers, "PhoneNumber=%2B15550002222"));

            h.restartPatchbay(() -> cutTheLastRecordShort(h.patchbay.storeDir(), "+15550002222"));

            assertEquals(mainSid, h.patchbay.mainAccount().sid());
            assertEquals(mainToken, h.patchbay.mainAccount().authToken());
            assertNotNull(Harness.await(h.patchbay.store().of(PhoneNumber.KIND).findBy(PhoneNumber.BY_NUMBER, "+15550001111")));
            assertNull(Harness.await(h.patchbay.store().of(PhoneNumber.KIND).findBy(PhoneNumber.BY_NUMBER, "+15550002222")),
                    "the record cut short is not applied");
            created(api(h).post(mainSid, mainToken, numbers, "PhoneNumber=%2B15550002222"));
        }
    }

    private static Api api(Harness h) {
        return new Api(h.patchbay.httpPort());
    }

    /** What a crash in the middle of the last write leaves: the journal's final record without its end. */
    private static void cutTheLastRecordShort(Path storeDir, String lastRecordHolds) {
        try (Stream<Path> files = Files.list(storeDir)) {
            List<Path> journals = files.filter(f -> f.getFileName().toString().startsWith("journal-")).toList();
            assertEquals(1, journals.size(), journals.toString());
            List<String> lines = Files.readAllLines(journals.get(0));
            assertTrue(lines.get(lines.size() - 1).contains(lastRecordHolds), "the number is the journal's last record");
            try (FileChannel channel = FileChannel.open(journals.get(0), StandardOpenOption.WRITE)) {
                channel.truncate(channel.size() - 20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject created(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.body().encode());
        return reply.body();
    }
}
