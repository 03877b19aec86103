package org.patchbay.adapters.redis;

/**
 * The Lua scripts that keep a record, its account's sorted set and its unique indexes in step.
 * Redis runs a script without interleaving any other command, so two nodes writing the same
 * record at once cannot leave an index pointing at a value the record no longer has.
 *
 * <p>Each record has a refs list: its account set key first, then its index keys. Scripts read
 * it to undo the previous version without the caller reading first. Those keys are computed by
 * earlier writes rather than passed in KEYS, which is fine on a single Redis (not on a cluster).
 */
final class StoreScripts {

    /**
     * KEYS: record, refs, account set, new index keys... ARGV: sid, JSON body, score.
     * An index entry is removed only while it still names this record: a value another record
     * took over since stays with that record.
     */
    static final LuaScript PUT = new LuaScript("""
            local sid = ARGV[1]
            local previous = redis.call('LRANGE', KEYS[2], 0, -1)
            if #previous > 0 then
              redis.call('ZREM', previous[1], sid)
              for i = 2, #previous do
                if redis.call('GET', previous[i]) == sid then
                  redis.call('DEL', previous[i])
                end
              end
            end
            redis.call('SET', KEYS[1], ARGV[2])
            redis.call('ZADD', KEYS[3], ARGV[3], sid)
            for i = 4, #KEYS do
              redis.call('SET', KEYS[i], sid)
            end
            redis.call('DEL', KEYS[2])
            redis.call('RPUSH', KEYS[2], unpack(KEYS, 3))
            return 1
            """);

    /** KEYS: record, refs. ARGV: sid. Returns 1 when a record was removed, 0 when there was none. */
    static final LuaScript DELETE = new LuaScript("""
            local sid = ARGV[1]
            local refs = redis.call('LRANGE', KEYS[2], 0, -1)
            if #refs > 0 then
              redis.call('ZREM', refs[1], sid)
              for i = 2, #refs do
                if redis.call('GET', refs[i]) == sid then
                  redis.call('DEL', refs[i])
                end
              end
            end
            redis.call('DEL', KEYS[2])
            return redis.call('DEL', KEYS[1])
            """);

    /** KEYS: index key. ARGV: the kind's record key prefix. Returns the record's body, or nil. */
    static final LuaScript FIND = new LuaScript("""
            local sid = redis.call('GET', KEYS[1])
            if not sid then
              return false
            end
            return redis.call('GET', ARGV[1] .. sid)
            """);

    private StoreScripts() {
    }
}
