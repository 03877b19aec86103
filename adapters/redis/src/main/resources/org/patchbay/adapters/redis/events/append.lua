-- Appends a batch of events to one partition's stream, each with its subject's next sequence number, in one step,
-- so the stream's order and the sequences agree whichever node appends; entries older than the retention are trimmed.
-- KEYS[1] partition stream, KEYS[2..n+1] each event's subject's sequence counter
-- ARGV[1] retention in ms, ARGV[2..n+1] the encoded events, in the order of their counters
-- returns {entry id 1, sequence 1, entry id 2, sequence 2, ...}
local retention = tonumber(ARGV[1])
local now = redis.call('TIME')
local oldest = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) - retention
local minid = string.format('%d', math.max(oldest, 0))
local appended = {}
for i = 2, #KEYS do
  local sequence = redis.call('INCR', KEYS[i])
  redis.call('PEXPIRE', KEYS[i], retention)
  appended[#appended + 1] = redis.call('XADD', KEYS[1], 'MINID', '~', minid, '*', 'seq', sequence, 'e', ARGV[i])
  appended[#appended + 1] = sequence
end
return appended
