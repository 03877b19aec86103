-- The counters of one set in several buckets, for the caller to sum per category.
-- ARGV: base, counter set, buckets... Returns one HGETALL reply per bucket.
local replies = {}
for b = 3, #ARGV do
  replies[#replies + 1] = redis.call('HGETALL', ARGV[1] .. 'c:' .. ARGV[2] .. ':' .. ARGV[b])
end
return replies
