-- Removes a trigger, its watch entry and its firing state. ARGV: base, sid. Returns 1 when one was removed.
local base, sid = ARGV[1], ARGV[2]
local key = base .. 't:' .. sid
local found = redis.call('HMGET', key, 'watch', 'account')
if not found[1] then
  return 0
end
redis.call('HDEL', found[1], sid)
redis.call('ZREM', base .. 'ts:' .. found[2], sid)
redis.call('DEL', key, base .. 'f:' .. sid)
return 1
