package org.patchbay.core.secret;

import io.vertx.core.Future;
import org.patchbay.core.store.Page;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceStore;

import java.util.function.Predicate;

/**
 * Records with a secret field: sealed on the way into the inner store, opened on the way out, so
 * callers only ever see the secret in the clear and the store only ever holds it encrypted.
 */
final class SealedResourceStore<T extends Resource> implements ResourceStore<T> {
    private final ResourceStore<T> inner;
    private final SecretField<T> field;
    private final SecretCipher cipher;

    SealedResourceStore(ResourceStore<T> inner, SecretField<T> field, SecretCipher cipher) {
        this.inner = inner;
        this.field = field;
        this.cipher = cipher;
    }

    @Override
    public Future<Void> put(T record) {
        return inner.put(field.sealed(record, cipher));
    }

    @Override
    public Future<Boolean> putIfUnique(T record) {
        return inner.putIfUnique(field.sealed(record, cipher));
    }

    @Override
    public Future<T> get(String sid) {
        return inner.get(sid).compose(this::opened);
    }

    @Override
    public Future<T> findBy(String index, String value) {
        return inner.findBy(index, value).compose(this::opened);
    }

    @Override
    public Future<Boolean> delete(String sid) {
        return inner.delete(sid);
    }

    @Override
    public Future<Page<T>> list(String accountSid, Predicate<? super T> filter, int offset, int limit) {
        Future<Page<T>> listed;
        try {
            listed = inner.list(accountSid, stored -> filter.test(field.opened(stored, cipher)), offset, limit);
        } catch (SecretException unopenable) {
            return Future.failedFuture(unopenable);
        }
        return listed
                .compose(page -> {
                    try {
                        return Future.succeededFuture(new Page<>(page.items().stream().map(r -> field.opened(r, cipher)).toList(),
                                page.offset(), page.limit(), page.hasMore()));
                    } catch (SecretException unopenable) {
                        return Future.failedFuture(unopenable);
                    }
                });
    }

    private Future<T> opened(T stored) {
        try {
            return Future.succeededFuture(field.opened(stored, cipher));
        } catch (SecretException unopenable) {
            return Future.failedFuture(unopenable);
        }
    }
}
