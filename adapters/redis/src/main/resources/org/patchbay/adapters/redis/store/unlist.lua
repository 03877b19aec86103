-- Shared (prepended): takes a record out of the list-index sorted sets its lrefs list names.
local function unlist(lrefs_key, sid)
  local lrefs = redis.call('LRANGE', lrefs_key, 0, -1)
  for i = 1, #lrefs do
    redis.call('ZREM', lrefs[i], sid)
  end
end
