-- 50 signed-in users rotating over every main screen (used by tools/load.sh).
-- Paths come from the file named in LOAD_PATHS, one per line; each connection starts at a different one.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("LOAD_PATHS")) do
    if line ~= "" then table.insert(paths, line) end
  end
  next_path = id * 7
  not_ok = 0
  by_status = {}
end

function request()
  next_path = next_path + 1
  return wrk.format("GET", paths[(next_path % #paths) + 1])
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
    by_status[status] = (by_status[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  local statuses = {}
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("not_ok")
    for status, n in pairs(thread:get("by_status")) do statuses[status] = (statuses[status] or 0) + n end
  end
  local listed = ""
  for status, n in pairs(statuses) do listed = listed .. string.format(" %d:%d", status, n) end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f not200=%d%s socket_errors=%d timeouts=%d\n",
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    failed, listed, e.connect + e.read + e.write, e.timeout))
end
