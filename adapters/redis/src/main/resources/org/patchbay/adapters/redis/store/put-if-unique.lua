-- KEYS: record, refs, account set, new index keys... ARGV: sid, JSON body, score.
-- Answers 0 and writes nothing when an index key names another record; else writes as put.lua does.
local sid = ARGV[1]
for i = 4, #KEYS do
  local owner = redis.call('GET', KEYS[i])
  if owner and owner ~= sid then
    return 0
  end
end
unindex(KEYS[2], sid)
redis.call('SET', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], sid)
for i = 4, #KEYS do
  redis.call('SET', KEYS[i], sid)
end
redis.call('DEL', KEYS[2])
redis.call('RPUSH', KEYS[2], unpack(KEYS, 3))
return 1
