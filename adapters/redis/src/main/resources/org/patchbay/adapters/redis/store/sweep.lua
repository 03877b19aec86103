-- Drops the records past their retention from some of a kind's sorted sets (an account's set or a list
-- index), with everything that points at them. KEYS: the sorted sets. ARGV[1]: cutoff (records created
-- before it, epoch ms, are expired); ARGV[2]: the kind's registry of sorted sets; ARGV[3]: the kind's key
-- prefix. At most ARGV[4] records per set in one run; returns {records dropped, sets that had more}.
local cutoff = '(' .. ARGV[1]
local most = tonumber(ARGV[4])
local dropped = 0
local more = 0
for _, key in ipairs(KEYS) do
  local sids = redis.call('ZRANGEBYSCORE', key, '-inf', cutoff, 'LIMIT', 0, most)
  for _, sid in ipairs(sids) do
    unindex(ARGV[3] .. 'refs:' .. sid, sid)
    unlist(ARGV[3] .. 'lrefs:' .. sid, sid)
    redis.call('DEL', ARGV[3] .. 'refs:' .. sid, ARGV[3] .. 'lrefs:' .. sid)
    dropped = dropped + redis.call('DEL', ARGV[3] .. sid)
  end
  if #sids < most then
    redis.call('ZREMRANGEBYSCORE', key, '-inf', cutoff)
  else
    more = more + 1
  end
  if redis.call('EXISTS', key) == 0 then
    redis.call('SREM', ARGV[2], key)
  end
end
return {dropped, more}
