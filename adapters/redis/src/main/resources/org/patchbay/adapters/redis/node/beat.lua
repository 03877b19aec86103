-- A node says it is alive. KEYS[1]: nodes by heartbeat expiry (sorted set, epoch ms);
-- KEYS[2]: each node's last beat (hash, epoch ms). ARGV[1]: node; ARGV[2]: expiry in ms.
-- Redis's own clock, so nodes whose clocks disagree still agree on who is silent.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], now)
return now
