-- wrk script of benchmarks/gateway-overhead.sh. Bounds a run in count as well as in time
-- (-d): each thread stops after the number of responses given after `--`. Counts the
-- responses that are not 2xx (wrk itself only counts those over 399) and prints one line
-- for the script to read:
--   wrk ... -s gateway-overhead.lua <url> -- <responses per thread>
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- Globals, so that done() can read them from each thread with thread:get().
function init(args)
  limit = tonumber(args[1]) or error("usage: wrk ... -s gateway-overhead.lua <url> -- <responses per thread>")
  responses = 0
  non2xx = 0
end

function response(status, headers, body)
  responses = responses + 1
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
  if responses >= limit then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local total_non2xx = 0
  for _, thread in ipairs(threads) do
    total_non2xx = total_non2xx + thread:get("non2xx")
  end
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    total_non2xx, errors.connect + errors.read + errors.write + errors.timeout))
end
