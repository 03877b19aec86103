-- KEYS: index key. ARGV: the kind's record key prefix. Returns the record's body, or nil.
local sid = redis.call('GET', KEYS[1])
if not sid then
  return false
end
return redis.call('GET', ARGV[1] .. sid)
