-- wrk script for the citizens benchmark: GETs the request paths of a file (one a line), thread i of T
-- starting at line i and taking every T-th, as one logged-in user (a session cookie), and counts answers
-- other than 200. Written by bench/citizens/wrk.sh.
--
--   wrk -t1 -c4 -d20s -s bench/citizens/wrk-citizens.lua http://127.0.0.1:18090 -- PATHS PHASE COOKIE [THREADS]
--
-- PHASE goes to the X-Bench-Phase header, so the server's access log can be summarised per phase.

local threads = {}
local counter = 1

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

function init(args)
   paths = {}
   for line in io.lines(args[1]) do
      table.insert(paths, line)
   end
   wrk.headers["X-Bench-Phase"] = args[2] or "wrk"
   wrk.headers["Cookie"] = args[3]
   step = tonumber(args[4] or "1")
   next_index = id
   bad = 0
end

function request()
   local path = paths[(next_index - 1) % #paths + 1]
   next_index = next_index + step
   return wrk.format("GET", path)
end

function response(status, headers, body)
   if status ~= 200 then
      bad = bad + 1
   end
end

function done(summary, latency, requests)
   local total = 0
   for _, thread in ipairs(threads) do
      total = total + thread:get("bad")
   end
   io.write(string.format("answers other than 200: %d\n", total))
end
