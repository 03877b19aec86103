package org.patchbay.core.store.journal;

import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.core.account.Account;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.store.ResourceStore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournaledStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ACCOUNT = "AC" + "1".repeat(32);

    @TempDir
    Path dir;

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static PhoneNumber number(int i, String voiceUrl) {
        String sid = String.format("PN%032d", i);
        String digits = "+1555000" + String.format("%04d", i);
        return new PhoneNumber(sid, ACCOUNT, digits, digits, voiceUrl, "POST", null, "POST", null, "POST", null,
                T0.plusSeconds(i), T0.plusSeconds(i));
    }

    private List<Long> journals() throws IOException {
        return new StoreFiles(dir).journals();
    }

    @Test
    void recordsIndexesAndDeletesSurviveReopening() throws Exception {
        JournaledStore store = JournaledStore.open(dir);
        await(store.of(Account.KIND).put(new Account(ACCOUNT, ACCOUNT, "token", "Main", Account.Status.active, T0, T0)));
        ResourceStore<PhoneNumber> numbers = store.of(PhoneNumber.KIND);
        await(numbers.put(number(1, "http://app/one")));
        await(numbers.put(number(2, "http://app/two")));
        await(numbers.put(number(1, "http://app/changed")));
        assertTrue(await(numbers.delete(number(2, null).sid())));
        await(store.close());

        JournaledStore reopened = JournaledStore.open(dir);
        assertEquals("token", await(reopened.of(Account.KIND).findBy(Account.BY_ROLE, "main")).authToken());
        ResourceStore<PhoneNumber> back = reopened.of(PhoneNumber.KIND);
        assertEquals("http://app/changed", await(back.findBy(PhoneNumber.BY_NUMBER, "+15550000001")).voiceUrl());
        assertNull(await(back.get(number(2, null).sid())));
        assertEquals(1, await(back.list(ACCOUNT, r -> true, 0, 10)).items().size());
        await(reopened.close());
    }

    @Test
    void aTornFinalRecordIsIgnoredWithoutLosingTheRecordsBeforeIt() throws Exception {
        JournaledStore store = JournaledStore.open(dir);
        for (int i = 1; i <= 3; i++) {
            await(store.of(PhoneNumber.KIND).put(number(i, "http://app/" + i)));
        }
        await(store.close());
        Path journal = new StoreFiles(dir).journal(journals().get(0));
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 7);
        }

        JournaledStore reopened = JournaledStore.open(dir);
        ResourceStore<PhoneNumber> numbers = reopened.of(PhoneNumber.KIND);
        assertEquals("http://app/2", await(numbers.get(number(2, null).sid())).voiceUrl());
        assertEquals("http://app/1", await(numbers.get(number(1, null).sid())).voiceUrl());
        assertNull(await(numbers.get(number(3, null).sid())), "the cut-short record is not applied");
        await(numbers.put(number(4, "http://app/4")));
        await(reopened.close());

        JournaledStore again = JournaledStore.open(dir);
        assertEquals(List.of("http://app/4", "http://app/2", "http://app/1"),
                await(again.of(PhoneNumber.KIND).list(ACCOUNT, r -> true, 0, 10)).items().stream().map(PhoneNumber::voiceUrl).toList());
        await(again.close());
    }

    @Test
    void aDamagedRecordInTheMiddleOfTheJournalEndsItsReading() throws Exception {
        JournaledStore store = JournaledStore.open(dir);
        for (int i = 1; i <= 3; i++) {
            await(store.of(PhoneNumber.KIND).put(number(i, "http://app/" + i)));
        }
        await(store.close());
        Path journal = new StoreFiles(dir).journal(journals().get(0));
        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, List.of(lines.get(0), lines.get(1).replace("app/2", "app/X"), lines.get(2)));

        JournaledStore reopened = JournaledStore.open(dir);
        ResourceStore<PhoneNumber> numbers = reopened.of(PhoneNumber.KIND);
        assertEquals("http://app/1", await(numbers.get(number(1, null).sid())).voiceUrl());
        assertNull(await(numbers.get(number(2, null).sid())), "a checksum that does not match is not applied");
        await(reopened.close());
    }

    @Test
    void compactionBoundsTheJournalAndKeepsEveryLatestValue() throws Exception {
        JournaledStore store = JournaledStore.open(dir, 4096);
        ResourceStore<PhoneNumber> numbers = store.of(PhoneNumber.KIND);
        for (int round = 0; round < 20; round++) {
            for (int i = 1; i <= 30; i++) {
                await(numbers.put(number(i, "http://app/" + i + "/" + round)));
            }
        }
        await(store.close());
        List<Long> journals = journals();
        assertEquals(1, journals.size(), "older journals are deleted once a snapshot covers them");
        assertTrue(journals.get(0) > 2, "the journal was compacted into snapshots: " + journals);
        assertTrue(Files.size(new StoreFiles(dir).journal(journals.get(0))) <= Math.max(4096, Files.size(new StoreFiles(dir).snapshot())) + 1024);

        JournaledStore reopened = JournaledStore.open(dir);
        for (int i = 1; i <= 30; i++) {
            assertEquals("http://app/" + i + "/19", await(reopened.of(PhoneNumber.KIND).get(number(i, null).sid())).voiceUrl());
        }
        await(reopened.close());
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".part")));
        }
    }

    @Test
    void recordsThisVersionCannotReadAreKeptThroughCompaction() throws Exception {
        Files.createDirectories(dir);
        Files.write(new StoreFiles(dir).journal(1), JournalLine.encode(JournalLine.Entry.put("gone", "GO1", "org.example.Gone",
                "{\"sid\":\"GO1\"}")));
        JournaledStore store = JournaledStore.open(dir, 1);
        await(store.of(PhoneNumber.KIND).put(number(1, "http://app/1")));
        await(store.close());
        String snapshot = Files.readString(new StoreFiles(dir).snapshot());
        assertTrue(snapshot.contains("org.example.Gone") && snapshot.contains("GO1"), snapshot);
        assertTrue(snapshot.contains("+15550000001"), snapshot);
    }

    @Test
    void oneProcessAtATimeAndADamagedSnapshotIsRefusedWithItsName() throws Exception {
        JournaledStore store = JournaledStore.open(dir, 1);
        IOException busy = assertThrows(IOException.class, () -> JournaledStore.open(dir));
        assertTrue(busy.getMessage().contains("another process uses the store"), busy.getMessage());
        await(store.of(PhoneNumber.KIND).put(number(1, "http://app/1")));
        await(store.close());

        Path snapshot = new StoreFiles(dir).snapshot();
        Files.writeString(snapshot, Files.readString(snapshot).replace("patchbay-store", "garbage"));
        IOException damaged = assertThrows(IOException.class, () -> JournaledStore.open(dir));
        assertTrue(damaged.getMessage().contains(snapshot.toString()) && damaged.getMessage().contains("damaged"), damaged.getMessage());
    }
}
