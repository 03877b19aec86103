-- GCRA with no burst, as reservations: each caller gets the next free start time and waits for it,
-- so starts are evenly spaced, in the order they were reserved, whichever node asks.
-- KEYS[1]: the theoretical arrival time of the next start (epoch microseconds).
-- ARGV[1]: the emission interval in microseconds (1e6 / rate).
-- Returns how many microseconds the caller waits before it starts.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = math.max(tat, now)
local nextStart = start + interval
redis.call('SET', KEYS[1], string.format('%.0f', nextStart), 'PX', math.ceil((nextStart - now) / 1000) + 1000)
return start - now
