-- The live devices that claimed an endpoint. KEYS: endpoint set. Returns their JSON; members whose
-- device expired are dropped on the way (the caller keeps those still ringing at this endpoint).
local live = {}
for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local device = redis.call('GET', key)
  if device then
    live[#live + 1] = device
  else
    redis.call('SREM', KEYS[1], key)
  end
end
return live
