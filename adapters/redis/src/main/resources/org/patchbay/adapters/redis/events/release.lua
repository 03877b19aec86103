-- Gives a partition's lease up, only if ARGV[1] still holds it (it may have expired and passed to another).
-- KEYS[1] lease key; ARGV[1] holder
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
