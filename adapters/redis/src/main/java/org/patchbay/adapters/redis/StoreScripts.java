package org.patchbay.adapters.redis;

/**
 * The Lua scripts that keep a record, its account's sorted set and its unique indexes in step.
 * Redis runs a script without interleaving any other command, so two nodes writing the same
 * record at once cannot leave an index pointing at a value the record no longer has.
 *
 * <p>The scripts are {@code .lua} resources in {@code store/}. Each record has a refs list: its
 * account set key first, then its index keys. Scripts read it to undo the previous version without
 * the caller reading first. Those keys are computed by earlier writes rather than passed in KEYS,
 * which is fine on a single Redis (not on a cluster).
 */
final class StoreScripts {
    /** Writes a record, its account set entry and its indexes, after undoing its previous version. */
    static final LuaScript PUT = LuaScript.resource(StoreScripts.class, "store/unindex.lua", "store/unlist.lua",
            "store/write.lua", "store/put.lua");
    /** {@link #PUT}, unless an index key already names another record: then nothing is written and it answers 0. */
    static final LuaScript PUT_IF_UNIQUE = LuaScript.resource(StoreScripts.class, "store/unindex.lua", "store/unlist.lua",
            "store/write.lua", "store/put-if-unique.lua");
    /** Removes a record with its account set entry and the index entries that still name it. */
    static final LuaScript DELETE = LuaScript.resource(StoreScripts.class, "store/unindex.lua", "store/unlist.lua",
            "store/delete.lua");
    /** Drops expired records found in some of a kind's sorted sets, with their indexes (the retention sweep). */
    static final LuaScript SWEEP = LuaScript.resource(StoreScripts.class, "store/unindex.lua", "store/unlist.lua", "store/sweep.lua");
    /** {@link #PUT} for many records in one run (imports, benchmarks). */
    static final LuaScript PUT_ALL = LuaScript.resource(StoreScripts.class, "store/unindex.lua", "store/unlist.lua",
            "store/write.lua", "store/put-all.lua");
    /** Reads a record through a unique index. */
    static final LuaScript FIND = LuaScript.resource(StoreScripts.class, "store/find.lua");

    private StoreScripts() {
    }
}
