-- KEYS: record, refs, lrefs. ARGV: sid. Returns 1 when a record was removed, 0 when there was none.
unindex(KEYS[2], ARGV[1])
unlist(KEYS[3], ARGV[1])
redis.call('DEL', KEYS[2], KEYS[3])
return redis.call('DEL', KEYS[1])
