-- Gives a lease's slots back. KEYS: the counts. ARGV[1]: slot id. Returns how many slots it held.
local held = 0
for i = 1, #KEYS do
  held = held + redis.call('ZREM', KEYS[i], ARGV[1])
end
return held
