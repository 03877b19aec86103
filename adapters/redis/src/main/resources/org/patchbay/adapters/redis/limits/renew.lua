-- Pushes a lease's expiry to a full lease from now, in every count it holds a slot in.
-- KEYS: the counts. ARGV[1]: slot id; ARGV[2]: lease in ms.
-- Returns how many slots were still held: one that expired meanwhile is not brought back.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = tonumber(ARGV[2])
local held = 0
for i = 1, #KEYS do
  if redis.call('ZSCORE', KEYS[i], ARGV[1]) then
    redis.call('ZADD', KEYS[i], now + lease, ARGV[1])
    redis.call('PEXPIRE', KEYS[i], lease)
    held = held + 1
  end
end
return held
