-- Shared by put.lua and put-if-unique.lua (prepended after unindex.lua and unlist.lua).
-- KEYS: record, refs, account set, lrefs, then ARGV[6] unique index keys, then the list-index sorted sets.
-- ARGV: sid, JSON body, score (creation, epoch ms), expire-at (epoch ms, 0 = never), the kind's registry of
-- sorted sets, number of unique index keys, the account's lag hash, then field/lag pairs (ms a time field
-- lies after the creation: the hash keeps the largest, so listings can bound a time range by creation).
local function write_record()
  local sid = ARGV[1]
  local unique = tonumber(ARGV[6])
  local expire_at = tonumber(ARGV[4])
  unindex(KEYS[2], sid)
  unlist(KEYS[4], sid)
  redis.call('SET', KEYS[1], ARGV[2])
  redis.call('ZADD', KEYS[3], ARGV[3], sid)
  for i = 5, 4 + unique do
    redis.call('SET', KEYS[i], sid)
  end
  for i = 5 + unique, #KEYS do
    redis.call('ZADD', KEYS[i], ARGV[3], sid)
  end
  redis.call('DEL', KEYS[2], KEYS[4])
  redis.call('RPUSH', KEYS[2], KEYS[3], unpack(KEYS, 5, 4 + unique))
  if #KEYS > 4 + unique then
    redis.call('RPUSH', KEYS[4], unpack(KEYS, 5 + unique, #KEYS))
  end
  for i = 8, #ARGV - 1, 2 do
    local lag = tonumber(ARGV[i + 1])
    local known = tonumber(redis.call('HGET', ARGV[7], ARGV[i]) or '0')
    if lag > known then
      redis.call('HSET', ARGV[7], ARGV[i], lag)
    end
  end
  if expire_at > 0 then
    redis.call('PEXPIREAT', KEYS[1], expire_at)
    redis.call('PEXPIREAT', KEYS[2], expire_at)
    redis.call('PEXPIREAT', KEYS[4], expire_at)
    for i = 5, 4 + unique do
      redis.call('PEXPIREAT', KEYS[i], expire_at)
    end
    redis.call('SADD', ARGV[5], KEYS[3])
    for i = 5 + unique, #KEYS do
      redis.call('SADD', ARGV[5], KEYS[i])
    end
  end
  return 1
end
