-- Requests rotating through a file of paths, one per line (culture by turn for the story API paths the `serve` mode
-- writes for run.sh; the public story pages bench/sites.sh lists with sqlite3).
-- Usage: wrk ... -s bench/wrk/stories.lua http://127.0.0.1:PORT -- /path/to/story-paths.txt
local paths = {}
local index = 0

init = function(args)
  local file = args[1] or "story-paths.txt"
  for line in io.lines(file) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("no story paths in " .. file) end
  -- Each wrk thread has its own Lua state: start the threads at different places in the list.
  index = math.floor(#paths / 2) * (wrk.thread:get("id") or 0)
end

setup = function(thread)
  thread_count = (thread_count or 0)
  thread:set("id", thread_count)
  thread_count = thread_count + 1
end

request = function()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "WRK_RESULT requests=%d seconds=%.2f rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.0f non2xx=%d socket_errors=%d bytes=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.bytes))
end
