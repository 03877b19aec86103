-- Removes a device. KEYS: device, identity set, account set. ARGV: identity member, account member,
-- endpoint set prefix. Returns the removed device's JSON, or false.
local before = redis.call('GET', KEYS[1])
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[2])
if before then
  local endpoint = cjson.decode(before)['endpoint']
  if type(endpoint) == 'string' then
    redis.call('SREM', ARGV[3] .. endpoint, KEYS[1])
  end
end
return before
