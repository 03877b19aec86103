-- The live devices of an identity or account set. KEYS: the set. ARGV: now ms, device key prefix
-- (a member appended gives its device key). Members whose device expired are dropped on the way.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1])
local members = redis.call('ZRANGE', KEYS[1], 0, -1)
local live = {}
for _, member in ipairs(members) do
  local device = redis.call('GET', ARGV[2] .. member)
  if device then
    live[#live + 1] = device
  else
    redis.call('ZREM', KEYS[1], member)
  end
end
return live
