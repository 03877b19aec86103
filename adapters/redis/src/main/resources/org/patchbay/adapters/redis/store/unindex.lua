-- Shared by put.lua and delete.lua (prepended to each): takes a record's previous version out of its
-- account's sorted set and out of every unique index that still names it. The refs list holds the
-- account set key first, then the index keys. An index entry another record took over since stays.
local function unindex(refs_key, sid)
  local refs = redis.call('LRANGE', refs_key, 0, -1)
  if #refs > 0 then
    redis.call('ZREM', refs[1], sid)
    for i = 2, #refs do
      if redis.call('GET', refs[i]) == sid then
        redis.call('DEL', refs[i])
      end
    end
  end
end
