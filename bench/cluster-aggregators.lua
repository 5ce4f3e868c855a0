-- wrk script for bench/cluster.sh: simulated feed aggregators polling through Varnish.
--
-- Usage: AGGREGATORS=A URLS=FILE wrk -t2 -c64 -dS -s bench/cluster-aggregators.lua http://127.0.0.1:VARNISH/
--   FILE holds one path a line (/feed/, /category/…/feed/json/, …).
--
-- Aggregator a (0 … A-1) always polls the same path, FILE's line (a * 7919) % lines + 1, so every
-- path has about A / lines pollers. Each remembers the ETag it last got and sends it as
-- If-None-Match on its next poll, with Accept-Encoding: gzip, as a well-behaved aggregator does.
-- wrk's response() does not say which request an answer belongs to (a thread has many
-- connections), so each request carries X-Agg: a, and the benchmark's VCL copies it into the
-- response. Thread t of T serves the aggregators a with a % T == t - 1, so an aggregator's ETag
-- lives in one thread's table. done() prints the totals of every thread on lines of the form
-- "cluster: NAME VALUE" that cluster.sh reads.

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
  table.insert(threads, thread)
end

local paths = {}
local etags = {}     -- aggregator -> the ETag it last got
local aggregators, stride, next_agg
-- totals, read by done() through thread:get
status_200, status_304, status_other, cache_hit, cache_miss, cache_other, untagged = 0, 0, 0, 0, 0, 0, 0

function init(args)
  for line in io.lines(os.getenv("URLS")) do
    if line ~= "" then table.insert(paths, line) end
  end
  aggregators = tonumber(os.getenv("AGGREGATORS") or "10000")
  stride = tonumber(os.getenv("THREADS") or "2")
  next_agg = tid - 1
end

function request()
  local a = next_agg
  next_agg = next_agg + stride
  if next_agg >= aggregators then next_agg = tid - 1 end
  local headers = {["Accept-Encoding"] = "gzip", ["X-Agg"] = tostring(a),
                   ["User-Agent"] = "BenchAggregator/" .. a}
  local etag = etags[a]
  if etag then headers["If-None-Match"] = etag end
  return wrk.format("GET", paths[(a * 7919) % #paths + 1], headers)
end

local function header(headers, name)
  return headers[name] or headers[string.lower(name)]
end

function response(status, headers, body)
  if status == 200 then status_200 = status_200 + 1
  elseif status == 304 then status_304 = status_304 + 1
  else status_other = status_other + 1 end
  local cache = header(headers, "X-Cache")
  if cache == "HIT" then cache_hit = cache_hit + 1
  elseif cache == "MISS" then cache_miss = cache_miss + 1
  else cache_other = cache_other + 1 end
  local a = tonumber(header(headers, "X-Agg") or "")
  local etag = header(headers, "ETag") or header(headers, "Etag")
  if a == nil then
    untagged = untagged + 1
  elseif etag and (status == 200 or status == 304) then
    etags[a] = etag
  end
end

function done(summary, latency, requests)
  local names = {"status_200", "status_304", "status_other", "cache_hit", "cache_miss", "cache_other", "untagged"}
  for _, name in ipairs(names) do
    local total = 0
    for _, thread in ipairs(threads) do total = total + (thread:get(name) or 0) end
    io.write(string.format("cluster: %s %d\n", name, total))
  end
  io.write(string.format("cluster: p99_us %d\n", latency:percentile(99)))
end
