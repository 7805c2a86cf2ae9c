-- Prints one machine-readable line after the run (latencies in microseconds), used by bench/run.sh for RESULTS.
-- wrk's own --latency output stays above it for humans.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local status = summary.errors.status
  io.write(string.format(
    "WRK_RESULT requests=%d seconds=%.2f rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.0f non2xx=%d socket_errors=%d bytes=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.bytes))
end
