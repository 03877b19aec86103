package org.patchbay.testkit;

import io.vertx.core.Vertx;
import org.patchbay.core.store.Store;
import org.patchbay.core.store.journal.JournaledStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Racing registrations of one number give one winner in the durable embedded store too. */
class JournaledUniqueRegistrationTest extends UniqueRegistrationContract {

    @Override
    protected Store newStore(Vertx vertx) {
        try {
            return JournaledStore.open(Files.createTempDirectory("journaled-unique"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
