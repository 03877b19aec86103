-- Takes and gives back slots for a batch of operations, one after another, in one step.
-- A count is a sorted set of slot ids scored by expiry (epoch ms); expired slots (a node died holding them) are
-- dropped when a count is read, so no sweeper is needed.
-- ARGV[1]: how many operations; then, per operation, from the next unread ARGV and KEYS:
--   take:      'take', n, slot id, lease ms, 1 to count a refusal (0 for a retry), n thresholds (0 = no limit);
--              KEYS: the n counts, then each count's rejection counter. Takes a slot in every count, or in none.
--   give back: 'give', n, slot id; KEYS: the n counts.
-- Returns, per operation, 3 values: a take {1, 0, in-flight of the first count} when taken, {0, i, in-flight of
-- count i} when count i is full; a give-back {how many slots it held, 0, 0}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local replies = {}
local arg = 2
local key = 1

local function take(n, id, lease, countRefusal)
  local first = 0
  for i = 1, n do
    local count = KEYS[key + i - 1]
    redis.call('ZREMRANGEBYSCORE', count, '-inf', now)
    local live = redis.call('ZCARD', count)
    local limit = tonumber(ARGV[arg + 4 + i])
    if limit > 0 and live >= limit then
      if countRefusal == '1' then
        redis.call('INCR', KEYS[key + n + i - 1])
      end
      return 0, i, live
    end
    if i == 1 then
      first = live
    end
  end
  for i = 1, n do
    redis.call('ZADD', KEYS[key + i - 1], now + lease, id)
    redis.call('PEXPIRE', KEYS[key + i - 1], lease)
  end
  return 1, 0, first + 1
end

local function giveBack(n, id)
  local held = 0
  for i = 1, n do
    held = held + redis.call('ZREM', KEYS[key + i - 1], id)
  end
  return held
end

for _ = 1, tonumber(ARGV[1]) do
  local kind, n, id = ARGV[arg], tonumber(ARGV[arg + 1]), ARGV[arg + 2]
  if kind == 'take' then
    local taken, full, live = take(n, id, tonumber(ARGV[arg + 3]), ARGV[arg + 4])
    replies[#replies + 1] = taken
    replies[#replies + 1] = full
    replies[#replies + 1] = live
    arg = arg + 5 + n
    key = key + 2 * n
  else
    replies[#replies + 1] = giveBack(n, id)
    replies[#replies + 1] = 0
    replies[#replies + 1] = 0
    arg = arg + 3
    key = key + n
  end
end
return replies
