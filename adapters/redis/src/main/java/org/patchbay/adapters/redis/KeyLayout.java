package org.patchbay.adapters.redis;

/**
 * Where the records of one kind live in Redis (see the module README). SIDs never contain a
 * colon, so a record key cannot collide with the {@code acct:}, {@code idx:} and {@code refs:}
 * keys beside it.
 */
record KeyLayout(String kindPrefix) {

    static KeyLayout of(String prefix, String kind) {
        return new KeyLayout(prefix + kind + ':');
    }

    /** The record's JSON body. */
    String record(String sid) {
        return kindPrefix + sid;
    }

    /** The keys that refer to the record (its account set, then its index keys), so scripts can undo them. */
    String refs(String sid) {
        return kindPrefix + "refs:" + sid;
    }

    /** The account's records, scored by creation time in epoch milliseconds. */
    String account(String accountSid) {
        return kindPrefix + "acct:" + accountSid;
    }

    /** A unique index entry: the SID of the record holding {@code value}. */
    String index(String name, String value) {
        return kindPrefix + "idx:" + name + ':' + value;
    }
}
