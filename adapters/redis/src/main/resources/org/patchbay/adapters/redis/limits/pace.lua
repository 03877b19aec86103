-- GCRA with no burst, booked at the moment a start goes: a start may go once the theoretical start time (TAT)
-- has come, and going moves the TAT one interval on. Booking when the start goes, not ahead, is what keeps every
-- second within the rate: a start booked ahead ran late whenever its node was busy at its moment and bunched with
-- the next. A start up to a quarter interval late keeps the schedule (a timer fires a little after its moment),
-- so starts are at least 3/4 interval apart and no window of one second holds more than rate + 1 of them.
-- KEYS[1]: the TAT (epoch microseconds). ARGV[1]: the emission interval in microseconds (1e6 / rate).
-- Returns 0 when the start is booked (it goes now), else how many microseconds until the TAT.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if now < tat then
  return tat - now
end
local from = tat
if now - tat > interval / 10 then
  from = now
end
local nextStart = from + interval
redis.call('SET', KEYS[1], string.format('%.0f', nextStart), 'PX', math.ceil((nextStart - now) / 1000) + 1000)
return 0
