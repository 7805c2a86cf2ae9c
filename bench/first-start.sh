#!/usr/bin/env bash
# One first start of a fresh instance with the demo recipe (ASPNETCORE_ENVIRONMENT=Development applies
# default + demo on an empty database): starts the built web app on 127.0.0.1:PORT with an empty data folder,
# polls /healthz every 50 ms until it answers 200 (at most 60 s), appends the milliseconds from process start to
# that 200 to TIMES_FILE, then stops the app. Used by bench/run.sh through hyperfine.
#
#   bench/first-start.sh DATA_FOLDER PORT TIMES_FILE LOG_FILE
# With FIRST_START_TIMESTAMPS=1 the app logs single lines with millisecond timestamps (for the phase breakdown).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$1" port="$2" times="$3" log="$4"
web="$root/src/ParkGlobalMedia.Web"
dll="$web/bin/Release/net10.0/ParkGlobalMedia.Web.dll"
[ -f "$dll" ] || { echo "build first: $dll is missing" >&2; exit 2; }
rm -rf "$data"
mkdir -p "$(dirname "$data")"

logging=()
if [ "${FIRST_START_TIMESTAMPS:-0}" = 1 ]; then
  logging=(Logging__Console__FormatterName=simple Logging__Console__FormatterOptions__SingleLine=true
           "Logging__Console__FormatterOptions__TimestampFormat=HH:mm:ss.fff ")
fi

echo "process start $(date +%H:%M:%S.%3N)" >"$log"
start=$(date +%s%N)
# Content root = the project folder (appsettings*.json, wwwroot), as with `dotnet run` in scripts/run-demo.sh.
( cd "$web" && exec env ASPNETCORE_ENVIRONMENT=Development Platform__DataFolder="$data" ASPNETCORE_URLS="http://127.0.0.1:$port" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 "${logging[@]}" dotnet "$dll" ) >>"$log" 2>&1 &
pid=$!

healthy=0
for _ in $(seq 1 1200); do
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/healthz" || true)
  if [ "$code" = "200" ]; then healthy=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
end=$(date +%s%N)
echo "healthy $(date +%H:%M:%S.%3N)" >>"$log"

kill -TERM "$pid" 2>/dev/null || true
for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -KILL "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true

if [ "$healthy" != 1 ]; then
  echo "the app did not answer /healthz with 200 within 60 s; log:" >&2
  tail -40 "$log" >&2
  exit 1
fi
echo $(( (end - start) / 1000000 )) >>"$times"
