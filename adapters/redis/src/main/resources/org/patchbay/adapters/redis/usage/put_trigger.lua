-- Creates or replaces a trigger: its JSON, its place in the account's list and the watch entry the
-- counting script reads, moved in one step so a replaced trigger is never watched twice.
-- ARGV: base, sid, account, JSON, created (epoch ms), watch key, watch entry.
local base, sid = ARGV[1], ARGV[2]
local key = base .. 't:' .. sid
local previous = redis.call('HGET', key, 'watch')
if previous then
  redis.call('HDEL', previous, sid)
end
redis.call('HSET', key, 'json', ARGV[4], 'watch', ARGV[6], 'account', ARGV[3])
redis.call('ZADD', base .. 'ts:' .. ARGV[3], tonumber(ARGV[5]), sid)
redis.call('HSET', ARGV[6], sid, ARGV[7])
return 1
