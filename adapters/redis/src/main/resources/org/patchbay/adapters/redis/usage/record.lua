-- Counts one event and fires the triggers it takes over their value, as one step: no other node's
-- increment or firing can come between the check and the claim.
-- ARGV: base, event id, dedup seconds, at (epoch ms), scope count, then per scope
--       account, counter set, checks triggers (1/0), four period buckets (daily, monthly, yearly, all),
--       then category count and per category: name, count, usage, price (integers).
-- Returns, per firing: trigger sid, account, bucket, watched value. An event seen before changes nothing
-- and returns the firings it caused then: a redelivery (its first answer lost) sends their callbacks again.
local base = ARGV[1]
local seen = base .. 'seen:' .. ARGV[2]
local before = redis.call('GET', seen)
if before then
  return cjson.decode(before)
end
local at = ARGV[4]
local i = 6
local scopes = {}
for s = 1, tonumber(ARGV[5]) do
  scopes[s] = { account = ARGV[i], counters = base .. 'c:' .. ARGV[i + 1] .. ':', checks = ARGV[i + 2] == '1',
                buckets = { ARGV[i + 3], ARGV[i + 4], ARGV[i + 5], ARGV[i + 6] } }
  i = i + 7
end
local categories = {}
for c = 1, tonumber(ARGV[i]) do
  local at_arg = i + 1 + (c - 1) * 4
  categories[c] = { name = ARGV[at_arg], c = tonumber(ARGV[at_arg + 1]), u = tonumber(ARGV[at_arg + 2]),
                    p = tonumber(ARGV[at_arg + 3]) }
end

local fired = {}
for _, scope in ipairs(scopes) do
  for _, bucket in ipairs(scope.buckets) do
    local key = scope.counters .. bucket
    for _, category in ipairs(categories) do
      for _, field in ipairs({ 'c', 'u', 'p' }) do
        if category[field] ~= 0 then
          redis.call('HINCRBY', key, category.name .. '|' .. field, category[field])
        end
      end
    end
  end
  if scope.checks then
    for _, category in ipairs(categories) do
      local watching = redis.call('HGETALL', base .. 'w:' .. scope.account .. ':' .. category.name)
      for w = 1, #watching, 2 do
        local sid = watching[w]
        local field, threshold, period, recurring = string.match(watching[w + 1], '^(%a)|(%d+)|(%d)|(%d)$')
        local bucket = scope.buckets[tonumber(period)]
        local value = tonumber(redis.call('HGET', scope.counters .. bucket, category.name .. '|' .. field) or '0')
        if value >= tonumber(threshold) then
          local state = base .. 'f:' .. sid
          local last = redis.call('HGET', state, 'p')
          if (recurring == '1' and last ~= bucket) or (recurring == '0' and not last) then
            redis.call('HSET', state, 'p', bucket, 'at', at)
            fired[#fired + 1] = sid
            fired[#fired + 1] = scope.account
            fired[#fired + 1] = bucket
            fired[#fired + 1] = value
          end
        end
      end
    end
  end
end
redis.call('SET', seen, cjson.encode(fired), 'EX', tonumber(ARGV[3]))
return fired
