-- KEYS: record, refs. ARGV: sid. Returns 1 when a record was removed, 0 when there was none.
unindex(KEYS[2], ARGV[1])
redis.call('DEL', KEYS[2])
return redis.call('DEL', KEYS[1])
