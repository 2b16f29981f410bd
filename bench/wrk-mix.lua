-- wrk script for the directory search benchmark: replays the seeded query mix of
-- LoadDriver.java (written by `java bench/LoadDriver.java queries FILE`) in order, and checks
-- every answer: status 200 and the marker of a whole result page (or JSON answer).
--
--   wrk -t2 -c8 -d30s -s bench/wrk-mix.lua http://127.0.0.1:18080 -- PATHS PHASE page|json [THREADS]
--
-- PATHS: the file of request paths; PHASE: the X-Bench-Phase header (server-side log);
-- "json" sends each search to /tilbud/soeg instead of the page /tilbud; THREADS: wrk's -t (2).
-- Thread i of T starts at query i and takes every T-th, so together they walk the list once
-- in order, as the Java driver's clients do.

local threads = {}
local counter = 1

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

function init(args)
   paths = {}
   local json = args[3] == "json"
   for line in io.lines(args[1]) do
      if json then line = line:gsub("^/tilbud%?", "/tilbud/soeg?") end
      table.insert(paths, line)
   end
   marker = json and '"total":' or 'class="result-count"'
   wrk.headers["X-Bench-Phase"] = args[2] or "wrk"
   step = tonumber(args[4] or "2")
   next_index = id
   bad_status, bad_body, checked = 0, 0, 0
end

function request()
   local path = paths[(next_index - 1) % #paths + 1]
   next_index = next_index + step
   return wrk.format("GET", path)
end

function response(status, headers, body)
   checked = checked + 1
   if status ~= 200 then
      bad_status = bad_status + 1
   elseif not string.find(body, marker, 1, true) then
      bad_body = bad_body + 1
   end
end

function done(summary, latency, requests)
   local s, b, c = 0, 0, 0
   for _, t in ipairs(threads) do
      s = s + t:get("bad_status")
      b = b + t:get("bad_body")
      c = c + t:get("checked")
   end
   io.write(string.format("checked %d answers: %d not 200, %d without a result\n", c, s, b))
   for _, p in ipairs({50, 90, 99, 99.9}) do
      io.write(string.format("latency p%g: %.2f ms\n", p, latency:percentile(p) / 1000))
   end
end
