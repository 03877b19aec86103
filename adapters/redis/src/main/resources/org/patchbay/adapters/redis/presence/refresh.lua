-- Keeps a live device for another ttl. KEYS: device, identity set, account set.
-- ARGV: ttl ms, now ms, identity member, account member. Returns 0 when the device was gone.
if redis.call('PEXPIRE', KEYS[1], ARGV[1]) == 0 then
  return 0
end
local score = tonumber(ARGV[2]) + tonumber(ARGV[1])
redis.call('ZADD', KEYS[2], score, ARGV[3])
redis.call('ZADD', KEYS[3], score, ARGV[4])
return 1
