#!/usr/bin/env bash
# Performance benchmarks of the story API (see bench/README.md; figures in bench/RESULTS.md).
#
#   bash bench/run.sh
#
# 1. installs wrk, hyperfine, curl and sqlite3 when missing (apt), builds Release;
# 2. seeds 10,000 stories × 5 cultures into a fresh SQLite file;
# 3. in-process: BenchmarkDotNet (mean/median/ratio), per-call latency percentiles, and a profile of where the time
#    of one list call and one single read goes (SQL statement by statement);
# 4. loopback HTTP: the app on Kestrel at 127.0.0.1, wrk -t2 -c32 --latency against the static-JSON baseline, the
#    list and rotating single-story reads (baseline before and after, same run), then the same at 1 connection;
# 5. what-if: profile, per-call latency and wrk on a copy of the database with the partial index proposed in RESULTS.md;
# 6. first start of a fresh instance with the demo recipe: hyperfine, 5 runs, plus one timestamped phase breakdown.
# Everything lands in bench/out/<UTC timestamp>/, summarised in summary.md. About 10 minutes on 2 cores.
#
# Knobs (environment): PGM_BENCH_WORK (db folder, default /tmp/pgm-bench), PGM_BENCH_PORT (5391),
# PGM_BENCH_START_PORT (5392), PGM_BENCH_DURATION (25s), PGM_BENCH_WARMUP (5s), PGM_BENCH_C1_DURATION (10s),
# PGM_BENCH_START_RUNS (5), PGM_BENCH_SAMPLES (2000 in-process calls per operation), PGM_BENCH_REUSE_DB=1 (keep an
# existing seeded db), PGM_BENCH_WHATIF=0 (skip step 5).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work="${PGM_BENCH_WORK:-/tmp/pgm-bench}"
port="${PGM_BENCH_PORT:-5391}"
start_port="${PGM_BENCH_START_PORT:-5392}"
duration="${PGM_BENCH_DURATION:-25s}"
warmup="${PGM_BENCH_WARMUP:-5s}"
c1_duration="${PGM_BENCH_C1_DURATION:-10s}"
start_runs="${PGM_BENCH_START_RUNS:-5}"
out="$root/bench/out/$(date -u +%Y%m%dT%H%M%SZ)"
db="$work/bench.db"
paths="$work/story-paths.txt"
bench_dll="$root/bench/ParkGlobalMedia.Benchmarks/bin/Release/net10.0/ParkGlobalMedia.Benchmarks.dll"
base="http://127.0.0.1:$port"
static_path="/_bench/static.json"
list_path="/api/v1/stories?enterprise=hn-park-00&culture=en&pageSize=20"
mkdir -p "$work" "$out"

log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$out/run.log"; }
load() { echo "$(date -u +%H:%M:%S) $1: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/load.txt"; }
cmd() { echo "$*" >>"$out/commands.txt"; } # every command that produces a figure, as run
quote() { # shell-quote the arguments that need it, so commands.txt can be pasted back into a shell
  local arg quoted=()
  for arg in "$@"; do
    if [[ "$arg" =~ ^[A-Za-z0-9_./:=@,+-]+$ ]]; then quoted+=("$arg"); else quoted+=("'$arg'"); fi
  done
  echo "${quoted[*]}"
}

server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap stop_server EXIT

# ---- 1. tools and build ------------------------------------------------------------------------------------------
missing=()
for tool in wrk hyperfine curl sqlite3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

log "build (Release)"
dotnet build bench/ParkGlobalMedia.Benchmarks -c Release -nologo -v quiet >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; exit 1; }

{
  echo "date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') × $(nproc)"
  echo "memory: $(free -g | awk '/Mem:/ {print $2 " GiB"}')"
  echo "dotnet: $(dotnet --version)"
  echo "wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "hyperfine: $(hyperfine --version)"
  echo "sqlite3 CLI: $(sqlite3 --version | cut -d' ' -f1)"
} >"$out/environment.txt"

# ---- 2. seed -------------------------------------------------------------------------------------------------------
if [ "${PGM_BENCH_REUSE_DB:-0}" = 1 ] && [ -f "$db" ]; then
  log "reusing $db"
else
  log "seed"
  load "seed"
  cmd "dotnet $bench_dll seed $db"
  dotnet "$bench_dll" seed "$db" 2>&1 | tee "$out/seed.log"
fi

# ---- 3. in-process -------------------------------------------------------------------------------------------------
log "in-process: BenchmarkDotNet + per-call latency"
load "inproc start"
cmd "PGM_BENCH_SAMPLES=${PGM_BENCH_SAMPLES:-2000} dotnet $bench_dll inproc $db $out/inproc"
dotnet "$bench_dll" inproc "$db" "$out/inproc" >"$out/inproc.log" 2>&1 || { tail -40 "$out/inproc.log"; exit 1; }
load "inproc end"
bdn_table() { awk '/\/\/ \* Summary \*/ { on = 1 } /\/\/ \* Legends \*/ { on = 0 } on && /^\|/' "$out/inproc.log"; }
bdn_table
cat "$out/inproc/inproc-latency.md"

log "in-process: profile (where the time goes)"
load "profile"
cmd "dotnet $bench_dll profile $db $out/profile"
dotnet "$bench_dll" profile "$db" "$out/profile" >"$out/profile.log" 2>&1 || { tail -40 "$out/profile.log"; exit 1; }

# ---- 4. loopback HTTP ----------------------------------------------------------------------------------------------
start_server() { # db port
  cmd "dotnet $bench_dll serve $1 $2 $paths &"
  dotnet "$bench_dll" serve "$1" "$2" "$paths" >"$out/serve-$(basename "$1" .db).log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    grep -q READY "$out/serve-$(basename "$1" .db).log" 2>/dev/null && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.2
  done
  log "server did not start:"; tail -30 "$out/serve-$(basename "$1" .db).log"; exit 1
}

check_url() { # name url: must answer 200
  local code size
  read -r code size < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' "$2")
  [ "$code" = 200 ] || { log "$1: $2 answered $code"; exit 1; }
  echo "$1 $size" >>"$out/response-sizes.txt"
}

run_wrk() { # name connections duration url: names starting with single rotate through the story paths
  local name="$1" conns="$2" time="$3" url="$4" threads=2
  [ "$conns" -ge 2 ] || threads=1
  local script=bench/wrk/report.lua extra=()
  if [[ "$name" == single* ]]; then script=bench/wrk/stories.lua; extra=(-- "$paths"); fi
  wrk -t"$threads" -c"$conns" -d"$warmup" --timeout 10s -s "$script" "$url" "${extra[@]}" >/dev/null # warm-up, not recorded
  load "wrk $name"
  local run=(wrk -t"$threads" -c"$conns" -d"$time" --latency --timeout 10s -s "$script" "$url" "${extra[@]}")
  cmd "$(quote "${run[@]}")   # $name"
  "${run[@]}" | tee "$out/wrk-$name.txt" | grep -E "Requests/sec|Non-2xx|Socket errors" | sed "s/^/  $name: /" || true
  grep -q WRK_RESULT "$out/wrk-$name.txt" || { log "wrk $name produced no result"; exit 1; }
}

log "loopback HTTP"
start_server "$db" "$port"
check_url static "$base$static_path"
check_url list "$base$list_path"
check_url single "$base$(head -1 "$paths")"
log "wrk at 32 connections: baseline, list, single, baseline again ($duration each after a $warmup warm-up)"
run_wrk static-before 32 "$duration" "$base$static_path"
run_wrk list 32 "$duration" "$base$list_path"
run_wrk single 32 "$duration" "$base"
run_wrk static-after 32 "$duration" "$base$static_path"
log "wrk at 1 connection (latency without queueing): baseline, list, single ($c1_duration each)"
run_wrk static-c1 1 "$c1_duration" "$base$static_path"
run_wrk list-c1 1 "$c1_duration" "$base$list_path"
run_wrk single-c1 1 "$c1_duration" "$base"
stop_server

# ---- 5. what-if: the proposed index ------------------------------------------------------------------------------
if [ "${PGM_BENCH_WHATIF:-1}" = 1 ]; then
  whatif_db="$work/whatif.db"
  log "what-if: the list on a copy of the database with the proposed partial index"
  rm -f "$whatif_db" "$whatif_db-wal" "$whatif_db-shm"
  cp "$db" "$whatif_db"
  index_sql='CREATE INDEX "IX_story_variants_live" ON "story_variants" ("EnterpriseId", "Culture", "PublishedAt" DESC, "Id") WHERE "PublishedVersionId" IS NOT NULL AND "State" <> '"'Archived'"';'
  cmd "cp $db $whatif_db && sqlite3 $whatif_db '$index_sql'"
  sqlite3 "$whatif_db" "$index_sql"
  load "what-if profile"
  cmd "dotnet $bench_dll profile $whatif_db $out/whatif-profile"
  dotnet "$bench_dll" profile "$whatif_db" "$out/whatif-profile" >"$out/whatif-profile.log" 2>&1 || { tail -40 "$out/whatif-profile.log"; exit 1; }
  load "what-if latency"
  cmd "PGM_BENCH_SAMPLES=${PGM_BENCH_SAMPLES:-2000} dotnet $bench_dll latency $whatif_db $out/whatif-latency"
  dotnet "$bench_dll" latency "$whatif_db" "$out/whatif-latency" >"$out/whatif-latency.log" 2>&1 || { tail -40 "$out/whatif-latency.log"; exit 1; }
  start_server "$whatif_db" "$port"
  run_wrk whatif-static 32 "$duration" "$base$static_path"
  run_wrk whatif-list 32 "$duration" "$base$list_path"
  run_wrk whatif-list-c1 1 "$c1_duration" "$base$list_path"
  stop_server
fi

# ---- 6. first start ----------------------------------------------------------------------------------------------
log "first start with the demo recipe: hyperfine --runs $start_runs"
load "first start"
start_data="$work/first-start-data"
: >"$out/first-start-ms.txt"
start_cmd="bash bench/first-start.sh '$start_data' $start_port '$out/first-start-ms.txt' '$out/first-start.log'"
cmd "hyperfine --runs $start_runs --prepare \"rm -rf '$start_data'\" \"$start_cmd\""
hyperfine --runs "$start_runs" --prepare "rm -rf '$start_data'" \
  --export-markdown "$out/first-start-hyperfine.md" --export-json "$out/first-start-hyperfine.json" \
  "$start_cmd" | tee "$out/first-start-hyperfine.txt"
log "one more start with timestamped logs for the phase breakdown"
cmd "FIRST_START_TIMESTAMPS=1 bash bench/first-start.sh $start_data $start_port $out/first-start-phases-ms.txt $out/first-start-phases.log"
FIRST_START_TIMESTAMPS=1 bash bench/first-start.sh "$start_data" "$start_port" "$out/first-start-phases-ms.txt" "$out/first-start-phases.log"
rm -rf "$start_data"
load "end"

# ---- summary -------------------------------------------------------------------------------------------------------
field() { grep -o " $2=[0-9.]*" "$out/wrk-$1.txt" | head -1 | cut -d= -f2; }
wrk_row() { # name baseline_rps baseline_p50_us
  awk -v name="$1" -v brps="$2" -v bp50="$3" '/WRK_RESULT/ {
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "| %s | %.0f | %.2f | %.2f | %.2f | %.2f | %d | %d | %.3f | %.1f |\n", name, v["rps"], v["p50_us"] / 1000,
      v["p90_us"] / 1000, v["p99_us"] / 1000, v["max_us"] / 1000, v["non2xx"], v["socket_errors"], v["rps"] / brps, v["p50_us"] / bp50 }' \
    "$out/wrk-$1.txt"
}
wrk_header() {
  echo "| run | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors | req/s ÷ baseline | p50 ÷ baseline |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
}
{
  echo "# Benchmark run $(basename "$out")"
  echo
  sed 's/^/    /' "$out/environment.txt"
  echo
  echo "Load average (1/5/15 min) at each phase:"
  echo
  sed 's/^/    /' "$out/load.txt"
  echo
  echo "## In-process: BenchmarkDotNet"
  echo
  bdn_table
  echo
  echo "## In-process: per-call latency"
  echo
  cat "$out/inproc/inproc-latency.md"
  echo
  echo "## In-process: where the time goes"
  echo
  cat "$out/profile/profile.md"
  echo
  echo "## Loopback HTTP, 32 connections (wrk -t2 -c32 -d$duration --latency)"
  echo
  brps=$(awk -v a="$(field static-before rps)" -v b="$(field static-after rps)" 'BEGIN { printf "%.1f", (a + b) / 2 }')
  bp50=$(awk -v a="$(field static-before p50_us)" -v b="$(field static-after p50_us)" 'BEGIN { printf "%.0f", (a + b) / 2 }')
  echo "Ratios against the mean of the two baseline runs (req/s $brps, p50 $bp50 µs)."
  echo
  wrk_header
  for name in static-before list single static-after; do wrk_row "$name" "$brps" "$bp50"; done
  echo
  echo "## Loopback HTTP, 1 connection (wrk -t1 -c1 -d$c1_duration --latency)"
  echo
  wrk_header
  for name in static-c1 list-c1 single-c1; do wrk_row "$name" "$(field static-c1 rps)" "$(field static-c1 p50_us)"; done
  if [ -f "$out/wrk-whatif-list.txt" ]; then
    echo
    echo "## What-if: the list with the proposed partial index (database copy; src unchanged)"
    echo
    wrk_header
    wrk_row whatif-static "$(field whatif-static rps)" "$(field whatif-static p50_us)"
    wrk_row whatif-list "$(field whatif-static rps)" "$(field whatif-static p50_us)"
    wrk_row whatif-list-c1 "$(field static-c1 rps)" "$(field static-c1 p50_us)"
    echo
    echo "(whatif-list-c1 is compared with static-c1 of step 4.)"
    echo
    cat "$out/whatif-latency/inproc-latency.md"
    echo
    cat "$out/whatif-profile/profile.md"
  fi
  echo
  echo "Response sizes (bytes):"
  echo
  sed 's/^/    /' "$out/response-sizes.txt"
  echo
  echo "## First start with the demo recipe (fresh data folder, ASPNETCORE_ENVIRONMENT=Development)"
  echo
  echo "Process start → first 200 from /healthz, per run (ms): $(paste -sd' ' "$out/first-start-ms.txt")"
  echo
  sort -n "$out/first-start-ms.txt" | awk '{ a[NR] = $1 } END { printf "min %d, median %d, max %d ms\n", a[1], a[int((NR + 1) / 2)], a[NR] }'
  echo
  echo "hyperfine (the whole command: start, poll, stop):"
  echo
  cat "$out/first-start-hyperfine.md"
  echo
  echo "Phase breakdown of one more start ($(cat "$out/first-start-phases-ms.txt") ms to healthy):"
  echo
  grep -E "process start|Applied schema|Applied recipe|Now listening|^healthy" "$out/first-start-phases.log" | cut -c1-140 | sed 's/^/    /'
  echo
  echo "## Commands, in order"
  echo
  sed 's/^/    /' "$out/commands.txt"
} >"$out/summary.md"

log "done: $out/summary.md"
