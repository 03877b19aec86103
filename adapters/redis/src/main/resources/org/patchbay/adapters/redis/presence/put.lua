-- Creates or replaces a device. KEYS: device, identity set, account set, endpoint set.
-- ARGV: device JSON, ttl ms (0 = until removed), now ms, identity member, account member.
-- Returns the device's previous JSON, or false.
local before = redis.call('GET', KEYS[1])
local ttl = tonumber(ARGV[2])
local score = '+inf'
if ttl > 0 then
  score = tonumber(ARGV[3]) + ttl
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
else
  redis.call('SET', KEYS[1], ARGV[1])
end
redis.call('ZADD', KEYS[2], score, ARGV[4])
redis.call('ZADD', KEYS[3], score, ARGV[5])
redis.call('SADD', KEYS[4], KEYS[1])
return before
