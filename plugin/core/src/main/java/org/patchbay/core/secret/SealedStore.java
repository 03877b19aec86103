package org.patchbay.core.secret;

import io.vertx.core.Future;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;

import java.util.List;

/**
 * A store that keeps secrets at rest encrypted: auth tokens, API key secrets and sink configurations pass through
 * {@link SecretCipher} on their way in and out of the store it wraps (memory, file or Redis);
 * every other kind of record goes straight through.
 */
public final class SealedStore implements Store {
    private final Store inner;
    private final SecretCipher cipher;
    private final List<SecretField<?>> fields;

    public SealedStore(Store inner, SecretCipher cipher) {
        this(inner, cipher, SecretField.ALL);
    }

    SealedStore(Store inner, SecretCipher cipher, List<SecretField<?>> fields) {
        this.inner = inner;
        this.cipher = cipher;
        this.fields = fields;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Resource> ResourceStore<T> of(ResourceKind<T> kind) {
        for (SecretField<?> field : fields) {
            if (field.kind().name().equals(kind.name())) {
                return new SealedResourceStore<>(inner.of(kind), (SecretField<T>) field, cipher);
            }
        }
        return inner.of(kind);
    }

    /** The store as it holds the records, secrets sealed: for the start-up pass and for tests that look at what is stored. */
    public Store inner() {
        return inner;
    }

    public SecretCipher cipher() {
        return cipher;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Future<Integer> sweep() {
        return inner.sweep();
    }

    @Override
    public Future<Void> close() {
        return inner.close();
    }
}
