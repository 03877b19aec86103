-- Takes or renews the right to read one partition for one consumer group: only its holder reads, so the
-- events of a subject are handled one after the other even with several nodes in the group.
-- KEYS[1] lease key; ARGV[1] holder, ARGV[2] time to live in ms
-- returns 1 when ARGV[1] holds the lease now, 0 when another holder does
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return 1
end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
