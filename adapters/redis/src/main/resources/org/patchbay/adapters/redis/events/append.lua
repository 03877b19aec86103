-- Appends one event to its partition's stream with the subject's next sequence number, in one step, so the
-- stream's order and the sequence agree whichever node appends; entries older than the retention are trimmed.
-- KEYS[1] partition stream, KEYS[2] the subject's sequence counter
-- ARGV[1] retention in ms, ARGV[2] the encoded event
-- returns {entry id, sequence}
local retention = tonumber(ARGV[1])
local sequence = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], retention)
local now = redis.call('TIME')
local oldest = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) - retention
local id = redis.call('XADD', KEYS[1], 'MINID', '~', string.format('%d', math.max(oldest, 0)), '*',
    'seq', sequence, 'e', ARGV[2])
return {id, sequence}
