-- Writes many records, each as put.lua does. KEYS: none (standalone Redis only, like the other scripts).
-- ARGV: for each record, its number of keys, its number of arguments, then its KEYS and ARGV for write.lua.
-- write_record reads the KEYS and ARGV tables, which a script may refill (not rebind), one record at a time.
local all = {}
for i = 1, #ARGV do
  all[i] = ARGV[i]
end
local function refill(t, from, n)
  for j = #t, 1, -1 do
    t[j] = nil
  end
  for j = 1, n do
    t[j] = all[from + j - 1]
  end
end
local i = 1
local written = 0
while i <= #all do
  local key_count = tonumber(all[i])
  local arg_count = tonumber(all[i + 1])
  refill(KEYS, i + 2, key_count)
  refill(ARGV, i + 2 + key_count, arg_count)
  write_record()
  written = written + 1
  i = i + 2 + key_count + arg_count
end
return written
