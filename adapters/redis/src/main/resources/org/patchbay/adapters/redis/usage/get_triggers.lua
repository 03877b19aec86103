-- Triggers with the time each last fired. ARGV: base, then either 'sid' and one SID, or 'account' and
-- an account SID (its triggers newest first). Returns JSON, fired-at (or false) pairs.
local base = ARGV[1]
local sids
if ARGV[2] == 'sid' then
  sids = { ARGV[3] }
else
  sids = redis.call('ZREVRANGE', base .. 'ts:' .. ARGV[3], 0, -1)
end
local result = {}
for _, sid in ipairs(sids) do
  local json = redis.call('HGET', base .. 't:' .. sid, 'json')
  if json then
    result[#result + 1] = json
    result[#result + 1] = redis.call('HGET', base .. 'f:' .. sid, 'at')
  end
end
return result
