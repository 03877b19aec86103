package org.patchbay.testkit;

import org.patchbay.core.store.Store;
import org.patchbay.core.store.journal.JournaledStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The durable embedded store keeps the same promises as every other store (its futures complete once on disk). */
class JournaledStoreContractTest extends StoreContract {

    @Override
    protected Store newStore() {
        try {
            return JournaledStore.open(Files.createTempDirectory("journaled-store"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
