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

    /** The list-index sorted sets that hold the record, so scripts can take it out of them. */
    String listRefs(String sid) {
        return kindPrefix + "lrefs:" + sid;
    }

    /** The account's records whose {@code field} is {@code value}, scored by creation time like the account's set. */
    String listIndex(String accountSid, String field, String value) {
        return kindPrefix + "acct:" + accountSid + ':' + field + ':' + value;
    }

    /** The largest lag of each time field behind the creation, per account (ms). */
    String lags(String accountSid) {
        return kindPrefix + "lag:" + accountSid;
    }

    /** Every sorted set of the kind whose records expire, for the retention sweep. */
    String sortedSets() {
        return kindPrefix + "zsets";
    }

    /** The prefix of the kind's keys, for scripts that build record keys from SIDs. */
    String prefix() {
        return kindPrefix;
    }

    /** A unique index entry: the SID of the record holding {@code value}. */
    String index(String name, String value) {
        return kindPrefix + "idx:" + name + ':' + value;
    }
}
