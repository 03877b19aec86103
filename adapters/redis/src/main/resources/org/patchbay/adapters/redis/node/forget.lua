-- Forgets a silent node with no call left. KEYS[1]: nodes by heartbeat expiry; KEYS[2]: last beats;
-- KEYS[3]: the node's calls. ARGV[1]: node. Returns 1 when forgotten.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local expires = redis.call('ZSCORE', KEYS[1], ARGV[1])
if (expires and tonumber(expires) >= now) or redis.call('HLEN', KEYS[3]) > 0 then
  return 0
end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1
