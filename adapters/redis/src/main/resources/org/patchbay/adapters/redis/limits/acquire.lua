-- Takes one slot in every count, or in none.
-- KEYS[1..n]: the counts, sorted sets of slot ids scored by expiry (epoch ms);
-- KEYS[n+1..2n]: each count's rejection counter.
-- ARGV[1]: slot id; ARGV[2]: lease in ms; ARGV[3]: 1 to count a refusal (0 for a retry);
-- ARGV[4..n+3]: each count's threshold (0 = no limit).
-- Returns {1, 0, in-flight of the first count} when taken, {0, i, in-flight of count i} when count i is full.
-- Expired slots (a node died holding them) are dropped here, so no sweeper is needed.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local n = #KEYS / 2
local first = 0
for i = 1, n do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now)
  local live = redis.call('ZCARD', KEYS[i])
  local limit = tonumber(ARGV[i + 3])
  if limit > 0 and live >= limit then
    if ARGV[3] == '1' then
      redis.call('INCR', KEYS[n + i])
    end
    return {0, i, live}
  end
  if i == 1 then
    first = live
  end
end
local lease = tonumber(ARGV[2])
for i = 1, n do
  redis.call('ZADD', KEYS[i], now + lease, ARGV[1])
  redis.call('PEXPIRE', KEYS[i], lease)
end
return {1, 0, first + 1}
