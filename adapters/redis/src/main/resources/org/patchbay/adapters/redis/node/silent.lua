-- Nodes whose heartbeat expired. KEYS[1]: nodes by heartbeat expiry; KEYS[2]: last beats.
-- Returns node, last beat (epoch ms), node, last beat, ...
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local silent = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. now)
local out = {}
for _, node in ipairs(silent) do
  out[#out + 1] = node
  out[#out + 1] = redis.call('HGET', KEYS[2], node) or '0'
end
return out
