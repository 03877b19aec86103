package org.patchbay.core.store;

import io.vertx.core.Future;

import java.util.function.Predicate;

/**
 * Records of one kind. Every operation is asynchronous; absent records complete with {@code null}.
 * Listings are newest first (by creation time, then SID) and filtered before paging.
 */
public interface ResourceStore<T extends Resource> {

    /** Creates or replaces the record, keeping its unique indexes in step. */
    Future<Void> put(T record);

    /**
     * Like {@link #put}, in one atomic step, but only when no unique index value of the record
     * belongs to another record: two racing registrations of one phone number give one winner.
     * Answers false, writing nothing, when a value is taken.
     */
    Future<Boolean> putIfUnique(T record);

    Future<T> get(String sid);

    /** The record only if it belongs to {@code accountSid}: another account's record is as good as absent. */
    default Future<T> get(String accountSid, String sid) {
        return get(sid).map(found -> found != null && found.accountSid().equals(accountSid) ? found : null);
    }

    /** Looks a record up by one of its kind's unique indexes. */
    Future<T> findBy(String index, String value);

    /** @return whether a record was removed */
    Future<Boolean> delete(String sid);

    Future<Page<T>> list(String accountSid, Predicate<? super T> filter, int offset, int limit);

    /** The same listing; a store with list indexes reads only the records the query's terms allow. */
    default Future<Page<T>> list(String accountSid, ListQuery<T> query, int offset, int limit) {
        return list(accountSid, query.filter(), offset, limit);
    }
}
