-- Takes the settlement of one call of a silent node, once. KEYS[1]: nodes by heartbeat expiry;
-- KEYS[2]: the node's calls (hash SID -> JSON). ARGV[1]: node; ARGV[2]: call SID.
-- Returns the call's JSON to the one caller that removes it; nil to the others, and nil while
-- the node beats (it came back: its calls are its own again).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local expires = redis.call('ZSCORE', KEYS[1], ARGV[1])
if expires and tonumber(expires) >= now then
  return nil
end
local call = redis.call('HGET', KEYS[2], ARGV[2])
if not call then
  return nil
end
redis.call('HDEL', KEYS[2], ARGV[2])
return call
