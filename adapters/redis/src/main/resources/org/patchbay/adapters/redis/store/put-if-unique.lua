-- As put.lua, but answers 0 and writes nothing when a unique index key names another record.
local sid = ARGV[1]
for i = 5, 4 + tonumber(ARGV[6]) do
  local owner = redis.call('GET', KEYS[i])
  if owner and owner ~= sid then
    return 0
  end
end
return write_record()
