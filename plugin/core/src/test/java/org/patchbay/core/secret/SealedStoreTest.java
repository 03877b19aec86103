package org.patchbay.core.secret;

import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.patchbay.core.account.Account;
import org.patchbay.core.account.ApiKey;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.SinkType;
import org.patchbay.core.store.Store;
import org.patchbay.core.store.memory.MemoryStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SealedStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String MAIN = "AC" + "1".repeat(32);
    private static final String SUB = "AC" + "2".repeat(32);
    private static final String KEY = "SK" + "3".repeat(32);

    private final MemoryStore memory = new MemoryStore();
    private final SecretsKey first = SecretCipherTest.freshKey();

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static Account account(String sid, String owner, String token) {
        return new Account(sid, owner, token, "Account", Account.Status.active, T0, T0);
    }

    private SealedStore sealed(SecretsKey current, SecretsKey... previous) {
        return new SealedStore(memory, new SecretCipher(current, List.of(previous)));
    }

    private void fill(Store store) throws Exception {
        await(store.of(Account.KIND).put(account(MAIN, MAIN, "main-token")));
        await(store.of(Account.KIND).put(account(SUB, MAIN, "sub-token")));
        await(store.of(ApiKey.KIND).put(new ApiKey(KEY, SUB, "key-secret", "Deploy", T0, T0)));
    }

    private static final String SINK = "DG" + "4".repeat(32);
    private static final Map<String, Object> AMQP = Map.of("url", "amqp://events:broker-password@127.0.0.1:5672/%2F",
            "exchange", "calls");

    private static Sink sink() {
        return Sink.create(SINK, SUB, "broker", SinkType.AMQP, AMQP, T0);
    }

    private String storedToken(String sid) throws Exception {
        return await(memory.of(Account.KIND).get(sid)).authToken();
    }

    @Test
    void secretsAreSealedInTheInnerStoreAndOpenThroughTheSealedOne() throws Exception {
        SealedStore store = sealed(first);
        fill(store);
        assertTrue(storedToken(MAIN).startsWith("pbsec:1:" + first.id()));
        assertTrue(await(memory.of(ApiKey.KIND).get(KEY)).secret().startsWith("pbsec:1:"));
        assertEquals("main-token", await(store.of(Account.KIND).get(MAIN)).authToken());
        assertEquals("main-token", await(store.of(Account.KIND).findBy(Account.BY_ROLE, "main")).authToken());
        assertEquals(List.of("key-secret"), await(store.of(ApiKey.KIND).list(SUB, k -> true, 0, 10)).items().stream()
                .map(ApiKey::secret).toList());
        assertEquals(List.of(SUB), await(store.of(Account.KIND).list(MAIN, a -> a.authToken().equals("sub-token"), 0, 10))
                .items().stream().map(Account::sid).toList());
        assertNull(await(store.of(Account.KIND).get("AC" + "9".repeat(32))));
    }

    @Test
    void aSinksConfigurationIsSealedWholeAndOpensAsItWasGiven() throws Exception {
        SealedStore store = sealed(first);
        await(store.of(Sink.KIND).put(sink()));
        Map<String, Object> stored = await(memory.of(Sink.KIND).get(SINK)).sinkConfiguration();
        assertEquals(List.of("sealed"), List.copyOf(stored.keySet()));
        assertFalse(stored.toString().contains("broker-password"));
        assertEquals(AMQP, await(store.of(Sink.KIND).get(SINK)).sinkConfiguration());
        assertEquals("calls", ((org.patchbay.core.events.sink.AmqpConfiguration) await(store.of(Sink.KIND).get(SINK))
                .configuration()).exchange());
    }

    @Test
    void aPlainSinkFromAnEarlierVersionIsSealedByTheStartUpPass() throws Exception {
        fill(sealed(first));
        await(memory.of(Sink.KIND).put(sink()));
        SealedStore store = sealed(first);
        assertEquals(AMQP, await(store.of(Sink.KIND).get(SINK)).sinkConfiguration(), "read while still plain");
        assertEquals(1, await(new ResealPass(store).run()));
        assertFalse(await(memory.of(Sink.KIND).get(SINK)).sinkConfiguration().toString().contains("broker-password"));
        assertEquals(AMQP, await(store.of(Sink.KIND).get(SINK)).sinkConfiguration());
    }

    @Test
    void plainValuesFromAnEarlierVersionAreReadAndMigratedByTheStartUpPass() throws Exception {
        fill(memory);
        SealedStore store = sealed(first);
        assertEquals("sub-token", await(store.of(Account.KIND).get(SUB)).authToken());
        assertEquals(3, await(new ResealPass(store).run()));
        assertTrue(storedToken(SUB).startsWith("pbsec:1:" + first.id()));
        assertTrue(await(memory.of(ApiKey.KIND).get(KEY)).secret().startsWith("pbsec:1:" + first.id()));
        assertEquals("key-secret", await(store.of(ApiKey.KIND).get(KEY)).secret());
        assertEquals(0, await(new ResealPass(store).run()));
    }

    @Test
    void rotationSealsEverySecretAgainWithTheNewKey() throws Exception {
        fill(sealed(first));
        SecretsKey second = SecretCipherTest.freshKey();
        SealedStore rotated = sealed(second, first);
        assertEquals("main-token", await(rotated.of(Account.KIND).get(MAIN)).authToken());
        assertEquals(3, await(new ResealPass(rotated).run()));
        assertTrue(storedToken(MAIN).startsWith("pbsec:1:" + second.id()));
        assertTrue(storedToken(SUB).startsWith("pbsec:1:" + second.id()));
        SealedStore previousDropped = sealed(second);
        assertEquals("sub-token", await(previousDropped.of(Account.KIND).get(SUB)).authToken());
        assertEquals("key-secret", await(previousDropped.of(ApiKey.KIND).get(KEY)).secret());
    }

    @Test
    void withoutTheKeyThatSealedThemSecretsDoNotOpenAndTheStartUpPassFails() throws Exception {
        fill(sealed(first));
        SealedStore stranger = sealed(SecretCipherTest.freshKey());
        Exception refused = assertThrows(Exception.class, () -> await(stranger.of(Account.KIND).get(MAIN)));
        assertTrue(refused.getMessage().contains(first.id()), refused.getMessage());
        Future<?> listing = stranger.of(Account.KIND).list(MAIN, a -> true, 0, 10);
        assertTrue(listing.failed() && listing.cause() instanceof SecretException, "a failed future, not a thrown exception");
        Exception failedPass = assertThrows(Exception.class, () -> await(new ResealPass(stranger).run()));
        assertTrue(failedPass.getMessage().contains("not configured"), failedPass.getMessage());
    }

    @Test
    void aTokenCopiedOntoAnotherAccountDoesNotOpen() throws Exception {
        SealedStore store = sealed(first);
        fill(store);
        await(memory.of(Account.KIND).put(account(SUB, MAIN, storedToken(MAIN))));
        assertThrows(Exception.class, () -> await(store.of(Account.KIND).get(SUB)));
        assertFalse(storedToken(SUB).contains("main-token"));
    }
}
