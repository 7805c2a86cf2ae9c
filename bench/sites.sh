#!/usr/bin/env bash
# Public-site page benchmark (see bench/README.md, section "Public-site pages"; figures go into bench/RESULTS.md by hand).
#
#   bash bench/sites.sh
#
# 1. installs wrk, nginx, curl, jq and sqlite3 when missing (apt); builds Release; seeds 10,000 stories × 5 cultures
#    into a fresh SQLite file with the bench seeder and lists their public URLs (/{enterprise}/{culture}/stories/{slug})
#    with sqlite3; makes two admins with API tokens through the CLI verbs;
# 2. starts the app (Release dll, Production, page cache on) on 127.0.0.1;
# 3. cached pages vs nginx, same run: wrk -c64 against nginx serving one story page's HTML (fetched from the app) as a
#    static file, the app on that page, the app rotating over 2,000 story pages, nginx again;
# 4. publish → live (cache on): the story of that page gets a new title through the API 20 times (draft, submit,
#    approve by the second admin, publish); after each publish returns, curl polls the page until the new title shows;
#    once idle, once under a 32-connection wrk load on the same page;
# 5. uncached: the app restarted with Sites__PageCache__Enabled=false; wrk -c64 and -c1 rotating over story pages no
#    earlier run requested.
# Everything lands in bench/out/sites-<UTC timestamp>/ (summary.md, commands.txt, run.log, load.txt, raw wrk outputs,
# publish timings, nginx.conf and the served HTML). About 5 minutes on 2 cores with the defaults.
#
# Knobs (environment): PGM_BENCH_PORT (app, 5395), PGM_BENCH_NGINX_PORT (5396), PGM_BENCH_DURATION (20s, each measured
# wrk run), PGM_BENCH_WARMUP (5s, unrecorded wrk run before each), PGM_BENCH_C1_DURATION (= PGM_BENCH_DURATION),
# PGM_BENCH_UNCACHED_WARMUP (30s, JIT warm-up of the restarted uncached app), PGM_BENCH_HOT_PAGES (2000), PGM_BENCH_PUBLISHES (20 per variant), PGM_BENCH_PUBLISH_LOAD (32 connections; 0 skips the
# loaded variant), PGM_BENCH_WORK (database folder; default a fresh temporary folder removed at exit, a given one is kept).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
port="${PGM_BENCH_PORT:-5395}"
nginx_port="${PGM_BENCH_NGINX_PORT:-5396}"
duration="${PGM_BENCH_DURATION:-20s}"
warmup="${PGM_BENCH_WARMUP:-5s}"
c1_duration="${PGM_BENCH_C1_DURATION:-$duration}"
uncached_warmup="${PGM_BENCH_UNCACHED_WARMUP:-30s}"
hot_pages="${PGM_BENCH_HOT_PAGES:-2000}"
publishes="${PGM_BENCH_PUBLISHES:-20}"
publish_load="${PGM_BENCH_PUBLISH_LOAD:-32}"
connections=64
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$root/bench/out/sites-$stamp"
if [ -n "${PGM_BENCH_WORK:-}" ]; then
  work="$PGM_BENCH_WORK"; keep_work=1
else
  work="$(mktemp -d /tmp/pgm-sites-bench.XXXXXX)"; keep_work=0
fi
web="$root/src/ParkGlobalMedia.Web"
dll="$web/bin/Release/net10.0/ParkGlobalMedia.Web.dll"
bench_dll="$root/bench/ParkGlobalMedia.Benchmarks/bin/Release/net10.0/ParkGlobalMedia.Benchmarks.dll"
data="$work/data"
db="$data/parkglobalmedia.db" # the app's default file name in its data folder
base="http://127.0.0.1:$port"
nginx_base="http://127.0.0.1:$nginx_port"
mkdir -p "$out" "$data" "$work/nginx" "$out/static"

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

# ---- processes: every one this script starts is stopped by its pid on exit ------------------------------------
server_pid=""; nginx_pid=""; load_pid=""
stop_pid() { # pid: TERM, up to 20 s to finish, then KILL
  local pid="$1"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
stop_server() { stop_pid "$server_pid"; server_pid=""; }
cleanup() {
  stop_pid "$load_pid"
  stop_server
  stop_pid "$nginx_pid"
  if [ "$keep_work" = 0 ]; then rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- 1. tools, build, seed, URLs, admins --------------------------------------------------------------------------
missing=()
for tool in wrk nginx curl jq sqlite3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

for p in "$port" "$nginx_port"; do
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$p/"; then log "port $p is in use; set PGM_BENCH_PORT / PGM_BENCH_NGINX_PORT"; exit 1; fi
done

log "build (Release)"
# The bench project references the web project: one build makes both Release dlls.
dotnet build bench/ParkGlobalMedia.Benchmarks -c Release -nologo -v quiet >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; exit 1; }
[ -f "$dll" ] || { log "missing $dll after the build"; exit 1; }

{
  echo "date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') × $(nproc)"
  echo "memory: $(free -g | awk '/Mem:/ {print $2 " GiB"}')"
  echo "dotnet: $(dotnet --version)"
  echo "wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "nginx: $(nginx -v 2>&1 | cut -d' ' -f3)"
  echo "curl: $(curl --version | head -1 | cut -d' ' -f2)"
} >"$out/environment.txt"

log "seed: 10,000 stories × 5 cultures into $db"
load "seed"
cmd "dotnet $bench_dll seed $db"
seed_start=$(date +%s)
dotnet "$bench_dll" seed "$db" 2>&1 | tee "$out/seed.log"
seed_seconds=$(($(date +%s) - seed_start))

# Every live variant's public URL, ordered by the random tail of its id (UUIDv7: the head is a timestamp), so
# enterprises and cultures come mixed. Disjoint slices: the hot set (cached rotating run), the cold set (uncached runs,
# pages no earlier run requested) and a set the uncached warm-ups use.
urls_sql="SELECT '/' || e.Slug || '/' || v.Culture || '/stories/' || p.Slug FROM story_variants v
  JOIN enterprises e ON e.Id = v.EnterpriseId JOIN story_versions p ON p.Id = v.PublishedVersionId
  WHERE v.State = 'Published' ORDER BY substr(v.Id, 25);"
cmd "sqlite3 $db \"$(echo "$urls_sql" | tr -s ' \n' ' ')\" >$work/urls-all.txt"
sqlite3 "$db" "$urls_sql" >"$work/urls-all.txt"
total_urls=$(wc -l <"$work/urls-all.txt")
warm_count=5000
[ "$total_urls" -gt $((hot_pages + warm_count + 1000)) ] || { log "only $total_urls story URLs"; exit 1; }
head -n "$hot_pages" "$work/urls-all.txt" >"$work/urls-hot.txt"
sed -n "$((hot_pages + 1)),$((total_urls - warm_count))p" "$work/urls-all.txt" >"$work/urls-cold.txt"
tail -n "$warm_count" "$work/urls-all.txt" >"$work/urls-warm.txt"
tac "$work/urls-cold.txt" >"$work/urls-cold-c1.txt" # the 1-connection run starts at the far end of the cold set
tac "$work/urls-warm.txt" >"$work/urls-warm-c1.txt"
single_path="$(grep -m1 '^/[^/]*/en/stories/' "$work/urls-hot.txt" || head -1 "$work/urls-hot.txt")"
IFS=/ read -r _ single_enterprise single_culture _ single_slug <<<"$single_path"
log "$total_urls story URLs: $hot_pages hot, $(wc -l <"$work/urls-cold.txt") cold, $warm_count for warm-ups; single page $single_path"

# The app's settings, as run.sh's bench host sets them, on the production environment; only warnings are logged so
# log writing is not part of what is measured (as in media.sh). Analytics stays on (its default).
export ASPNETCORE_ENVIRONMENT=Production Platform__DataFolder="$data" Database__Provider=Sqlite \
  Database__ConnectionString="Data Source=$db" Logging__LogLevel__Default=Warning
app_env="ASPNETCORE_ENVIRONMENT=Production Platform__DataFolder=$data Database__Provider=Sqlite 'Database__ConnectionString=Data Source=$db' Logging__LogLevel__Default=Warning"
cli() { ( cd "$web" && dotnet "$dll" "$@" ); }
# Two admins, because of the four-eyes rule: whoever wrote the version under review cannot approve it, whatever their role.
token_for() { # email password → the token secret
  cli user create --email "$1" --password "$2" --role Admin >/dev/null
  cli token issue --email "$1" --name sites-bench --scope content:read --scope content:write --days 1 | grep -o 'pgm_[A-Za-z0-9_-]*' | head -1
}
writer_token="$(token_for writer@bench.local Bench-Writer-2026)"
reviewer_token="$(token_for reviewer@bench.local Bench-Reviewer-2026)"
[ -n "$writer_token" ] && [ -n "$reviewer_token" ] || { log "no API tokens from the CLI"; exit 1; }

# ---- helpers -----------------------------------------------------------------------------------------------------
start_server() { # name page-cache(true|false)
  local name="$1" cache="$2"
  # Content root = the project folder (appsettings.json, wwwroot), as bench/first-start.sh does.
  cmd "cd src/ParkGlobalMedia.Web && $app_env Sites__PageCache__Enabled=$cache dotnet $dll --urls $base &   # app, $name"
  ( cd "$web" && exec env Sites__PageCache__Enabled="$cache" dotnet "$dll" --urls "$base" ) >"$out/server-$name.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/healthz" || true)" = 200 ] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.2
  done
  log "the app did not start:"; tail -30 "$out/server-$name.log"; exit 1
}

check_urls() { # name file: 20 URLs spread over the file must answer 200
  local name="$1" file="$2" count step code
  count=$(wc -l <"$file"); step=$(( count / 20 > 0 ? count / 20 : 1 ))
  while read -r path; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$base$path")
    [ "$code" = 200 ] || { log "$name: $path answered $code"; exit 1; }
  done < <(awk -v step="$step" 'NR % step == 1' "$file")
}

field() { grep -o " $2=[0-9.]*" "$out/wrk-$1.txt" | head -1 | cut -d= -f2; }

run_wrk() { # name connections duration url [paths warm-up-paths]: with paths, rotate over them (bench/wrk/stories.lua)
  local name="$1" conns="$2" time="$3" url="$4" paths="${5:-}" warm_paths="${6:-${5:-}}" threads=2
  [ "$conns" -ge 2 ] || threads=1
  local script=bench/wrk/report.lua args=() warm_args=()
  if [ -n "$paths" ]; then script=bench/wrk/stories.lua; args=(-- "$paths"); warm_args=(-- "$warm_paths"); fi
  wrk -t"$threads" -c"$conns" -d"$warmup" --timeout 10s -s "$script" "$url" "${warm_args[@]}" >/dev/null # warm-up, not recorded
  load "wrk $name"
  local run=(wrk -t"$threads" -c"$conns" -d"$time" --latency --timeout 10s -s "$script" "$url" "${args[@]}")
  cmd "$(quote "${run[@]}")   # $name"
  "${run[@]}" >"$out/wrk-$name.txt"
  grep -q WRK_RESULT "$out/wrk-$name.txt" || { log "wrk $name produced no result"; cat "$out/wrk-$name.txt"; exit 1; }
  log "  $name: $(field "$name" rps) req/s, p50 $(field "$name" p50_us) µs, p99 $(field "$name" p99_us) µs, non-2xx $(field "$name" non2xx), socket errors $(field "$name" socket_errors)"
}

api() { # method path-under-the-variant token etag json: prints the response (the working view); fails on anything but 200
  local response code
  response=$(curl -sS -w '\n%{http_code}' -X "$1" -H "Authorization: Bearer $3" -H "If-Match: $4" -H 'Content-Type: application/json' \
    -d "$5" "$base/api/v1/stories/$story_id/$single_culture/$2")
  code="${response##*$'\n'}"; response="${response%$'\n'*}"
  [ "$code" = 200 ] || { log "$1 $2 answered $code: ${response:0:500}" >&2; return 1; }
  echo "$response"
}

publish_once() { # variant iteration: new title through the API, then ms from the publish response to the page showing it
  local variant="$1" i="$2" title="Publish check $stamp $1 $2" draft etag body response start t0 t1 polls=0 page
  start=${EPOCHREALTIME/./}
  draft=$(curl -fsS -H "Authorization: Bearer $writer_token" "$base/api/v1/stories/$story_id/$single_culture/draft")
  etag=$(jq -r .eTag <<<"$draft")
  body=$(jq -c --arg t "$title" '.content | .title = $t | .seoTitle = $t' <<<"$draft")
  etag=$(api PUT draft "$writer_token" "$etag" "$body" | jq -r .eTag)
  etag=$(api POST transitions "$writer_token" "$etag" '{"action":"submit"}' | jq -r .eTag)
  etag=$(api POST transitions "$reviewer_token" "$etag" '{"action":"approve"}' | jq -r .eTag)
  response=$(api POST transitions "$writer_token" "$etag" '{"action":"publish"}')
  t0=${EPOCHREALTIME/./} # µs, no process started to read the clock
  [ "$(jq -r .state <<<"$response")" = Published ] || { log "publish $variant $i: $(jq -c '{state, publishedVersion}' <<<"$response")"; exit 1; }
  while :; do
    page=$(curl -s --max-time 5 "$base$single_path" || true)
    polls=$((polls + 1))
    if [[ "$page" == *"$title"* ]]; then t1=${EPOCHREALTIME/./}; break; fi
    (( ${EPOCHREALTIME/./} - t0 < 30000000 )) || { log "publish $variant $i: the new title was not served after 30 s"; exit 1; }
  done
  echo "$i $(( (t1 - t0) / 1000 )).$(printf '%03d' $(( (t1 - t0) % 1000 ))) $polls $(( (t0 - start) / 1000 ))" >>"$out/publish-$variant.txt"
}

publish_series() { # variant
  load "publish $1"
  echo "# iteration, ms from the publish response to the first poll showing the new title, polls, ms of the API calls (draft GET to publish response)" >"$out/publish-$1.txt"
  for i in $(seq 1 "$publishes"); do publish_once "$1" "$i"; done
  log "  publish → live, $1: $(awk '!/^#/ {print $2}' "$out/publish-$1.txt" | sort -n | paste -sd' ') ms"
}

# ---- 2 + 3. cached pages against nginx ---------------------------------------------------------------------------
log "app with the page cache on"
start_server cached true
check_urls hot "$work/urls-hot.txt"
cmd "curl -s $base$single_path -o $out/static/story.html   # the page nginx serves"
curl -fsS "$base$single_path" -o "$out/static/story.html"
curl -s -D "$out/headers-cached.txt" -o /dev/null "$base$single_path"
page_bytes=$(stat -c %s "$out/static/story.html")

user_line=""
[ "$(id -u)" -ne 0 ] || user_line="user root;" # run as the current user (the workers would otherwise switch to nobody)
cat >"$out/nginx.conf" <<NGINX
# Baseline for bench/sites.sh: one story page's HTML, fetched from the app, served as a static file.
$user_line
worker_processes $(nproc);
daemon off;
pid $work/nginx/nginx.pid;
error_log $out/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 1000000; # like Kestrel, keep a busy keep-alive connection open (nginx closes it after 1,000 by default)
  types { text/html html; }
  charset utf-8;              # text/html; charset=utf-8, as the app answers
  server { listen 127.0.0.1:$nginx_port; root $out/static; }
}
NGINX
cmd "nginx -p $work/nginx -e $out/nginx-error.log -c $out/nginx.conf &"
nginx -p "$work/nginx" -e "$out/nginx-error.log" -c "$out/nginx.conf" &
nginx_pid=$!
for _ in $(seq 1 50); do curl -fs -o /dev/null "$nginx_base/story.html" && break; sleep 0.1; done
curl -fsS "$nginx_base/story.html" | cmp -s - "$out/static/story.html" || { log "nginx does not serve the page's bytes"; exit 1; }
curl -s -D "$out/headers-nginx.txt" -o /dev/null "$nginx_base/story.html"

# One request for every hot page first, so a page cache holds them all before the rotating run's warm-up.
log "priming: one request for each of the $hot_pages hot pages"
awk -v base="$base" '{ printf "url = \"%s%s\"\noutput = \"/dev/null\"\n", base, $0 }' "$work/urls-hot.txt" >"$work/prime.curl"
curl --no-progress-meter --parallel --parallel-max 8 -K "$work/prime.curl" -w '%{http_code}\n' >"$work/prime-codes.txt" || true
sort "$work/prime-codes.txt" | uniq -c | sed 's/^ */  priming: /' | tee -a "$out/run.log"
[ "$(grep -cvx 200 "$work/prime-codes.txt")" = 0 ] || { log "priming: not every hot page answered 200"; exit 1; }

log "wrk -t2 -c$connections: nginx, app single page, app rotating over $hot_pages pages, nginx ($duration each after a $warmup warm-up)"
run_wrk nginx-before "$connections" "$duration" "$nginx_base/story.html"
run_wrk cached-single "$connections" "$duration" "$base$single_path"
run_wrk cached-rotating "$connections" "$duration" "$base" "$work/urls-hot.txt"
run_wrk nginx-after "$connections" "$duration" "$nginx_base/story.html"
stop_pid "$nginx_pid"; nginx_pid=""

# ---- 4. publish → live (cache on) ----------------------------------------------------------------------------------
story_id=$(curl -fsS "$base/api/v1/enterprises/$single_enterprise/stories/$single_culture/$single_slug" | jq -r .storyId)
log "publish → live: $publishes new titles of story $story_id ($single_culture) each, idle and under $publish_load connections"
cmd "# publish → live, per iteration: GET/PUT $base/api/v1/stories/$story_id/$single_culture/draft (new title), POST …/transitions submit, approve (second admin), publish; then curl -s $base$single_path in a loop until the title shows"
publish_series idle
if [ "$publish_load" -gt 0 ]; then
  load_run=(wrk -t2 -c"$publish_load" -d3600s --latency --timeout 10s -s bench/wrk/report.lua "$base$single_path")
  cmd "$(quote "${load_run[@]}") &   # load during publish-loaded, stopped with SIGINT after the last publish"
  "${load_run[@]}" >"$out/wrk-publish-load.txt" 2>&1 &
  load_pid=$!
  sleep 2
  publish_series loaded
  kill -INT "$load_pid" 2>/dev/null || true # wrk prints its report on SIGINT
  wait "$load_pid" 2>/dev/null || true
  load_pid=""
fi
stop_server

# ---- 5. uncached ---------------------------------------------------------------------------------------------------
log "app with Sites__PageCache__Enabled=false"
start_server uncached false
check_urls warm-up-set "$work/urls-warm.txt" # not the cold set: that stays unrequested
curl -s -D "$out/headers-uncached.txt" -o /dev/null "$base$single_path"
# A fresh process runs tier-0 JIT code until tiered compilation has promoted the hot paths (tens of seconds under
# load); the cached runs get that time from the nginx run and priming before them, these get it here, unrecorded.
log "JIT warm-up: ${uncached_warmup} at 8 connections over the warm-up set (not recorded)"
wrk -t2 -c8 -d"$uncached_warmup" --timeout 10s -s bench/wrk/stories.lua "$base" -- "$work/urls-warm.txt" >/dev/null
cmd "wrk -t2 -c8 -d$uncached_warmup --timeout 10s -s bench/wrk/stories.lua $base -- urls-warm.txt   # JIT warm-up, not recorded"
log "wrk rotating over pages not requested before: -c$connections ($duration), -c1 ($c1_duration)"
run_wrk uncached-rotating "$connections" "$duration" "$base" "$work/urls-cold.txt" "$work/urls-warm.txt"
run_wrk uncached-c1 1 "$c1_duration" "$base" "$work/urls-cold-c1.txt" "$work/urls-warm-c1.txt"
stop_server
load "end"

# ---- summary -------------------------------------------------------------------------------------------------------
nginx_rps=$(awk -v a="$(field nginx-before rps)" -v b="$(field nginx-after rps)" 'BEGIN { printf "%.1f", (a + b) / 2 }')
wrk_row() { # name what
  awk -v name="$1" -v what="$2" -v base="$nginx_rps" '/WRK_RESULT/ {
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "| %s | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %d | %d | %.3f |\n", name, what, v["rps"], v["p50_us"] / 1000,
      v["p90_us"] / 1000, v["p99_us"] / 1000, v["max_us"] / 1000, v["non2xx"], v["socket_errors"], v["rps"] / base }' "$out/wrk-$1.txt"
}
wrk_header() {
  echo "| run | what | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors | req/s ÷ nginx |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
}
stats() { # numbers on stdin → "count | min | median | max"
  sort -n | awk '{ a[NR] = $1 } END { m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%d | %.1f | %.1f | %.1f", NR, a[1], m, a[NR] }'
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
publish_stats() { # variant → "publishes | min | median | max | median polls | median API ms"
  local f="$out/publish-$1.txt"
  echo "$(awk '!/^#/ {print $2}' "$f" | stats) | $(awk '!/^#/ {print $3}' "$f" | median) | $(awk '!/^#/ {print $4}' "$f" | median)"
}
verdict() { awk -v v="$1" -v goal="$2" -v op="$3" 'BEGIN { ok = (op == ">=" ? v >= goal : v <= goal); print (ok ? "yes" : "**no**") }'; }
ms() { awk -v us="$(field "$1" "$2")" 'BEGIN { printf "%.2f", us / 1000 }'; }
single_ratio=$(awk -v a="$(field cached-single rps)" -v b="$nginx_rps" 'BEGIN { printf "%.3f", a / b }')
rotating_ratio=$(awk -v a="$(field cached-rotating rps)" -v b="$nginx_rps" 'BEGIN { printf "%.3f", a / b }')
publish_max=$(awk '!/^#/ {print $2}' "$out"/publish-*.txt | sort -n | tail -1)
if grep -rqs --include='*.cs' PageCache "$web"; then
  cache_note="src/ mentions a PageCache at this commit: the cached runs ran with it on, the uncached ones with it off."
else
  cache_note="**src/ has no site page cache at this commit** (no \`PageCache\` anywhere in src/ParkGlobalMedia.Web): \`Sites__PageCache__Enabled\` is ignored, and the \"cached\" runs measure the uncached path too."
fi
{
  echo "# Public-site pages, run sites-$stamp"
  echo
  sed 's/^/    /' "$out/environment.txt"
  echo
  echo "Seeded 10,000 stories × 5 cultures ($total_urls live story pages) in ${seed_seconds} s. Single page: \`$single_path\` ($page_bytes bytes of HTML)."
  echo "$cache_note"
  echo
  echo "Load average (1/5/15 min) at each phase:"
  echo
  sed 's/^/    /' "$out/load.txt"
  echo
  echo "## The issue's bar, this run (recorded, not asserted)"
  echo
  echo "| criterion | goal | this run | met |"
  echo "|---|---|---:|---|"
  echo "| cached story page req/s ÷ nginx, single page | ≥ 0.5 | $single_ratio | $(verdict "$single_ratio" 0.5 '>=') |"
  echo "| cached story page req/s ÷ nginx, rotating over $hot_pages pages | ≥ 0.5 | $rotating_ratio | $(verdict "$rotating_ratio" 0.5 '>=') |"
  echo "| cached p99, single page | ≤ 10 ms | $(ms cached-single p99_us) ms | $(verdict "$(ms cached-single p99_us)" 10 '<=') |"
  echo "| cached p99, rotating | ≤ 10 ms | $(ms cached-rotating p99_us) ms | $(verdict "$(ms cached-rotating p99_us)" 10 '<=') |"
  echo "| uncached render p50, 1 connection | ≤ 15 ms | $(ms uncached-c1 p50_us) ms | $(verdict "$(ms uncached-c1 p50_us)" 15 '<=') |"
  echo "| uncached p50 at $connections connections | ≤ 15 ms | $(ms uncached-rotating p50_us) ms | $(verdict "$(ms uncached-rotating p50_us)" 15 '<=') |"
  echo "| publish → served, slowest of all publishes | ≤ 1,000 ms | $publish_max ms | $(verdict "$publish_max" 1000 '<=') |"
  echo
  echo "## Cached story pages against nginx (wrk -t2 -c$connections -d$duration --latency, page cache on)"
  echo
  echo "nginx serves the single page's HTML as a static file ($(nproc) workers); ratios against the mean of its two runs ($nginx_rps req/s)."
  echo "Each run follows a $warmup warm-up with the same command; the $hot_pages hot pages were each requested once before."
  echo
  wrk_header
  wrk_row nginx-before "nginx, story.html"
  wrk_row cached-single "app, the single page"
  wrk_row cached-rotating "app, $hot_pages pages in turn"
  wrk_row nginx-after "nginx, story.html"
  echo
  echo "## Uncached render (Sites__PageCache__Enabled=false)"
  echo
  echo "Rotating over $(wc -l <"$work/urls-cold.txt") story pages no earlier run asked for (warm-ups use another $warm_count);"
  echo "the 1-connection run starts at the far end of that list. Its p50 is the render time without queueing."
  echo
  wrk_header
  wrk_row uncached-rotating "app, -c$connections -d$duration"
  wrk_row uncached-c1 "app, -t1 -c1 -d$c1_duration"
  echo
  echo "## Publish → live (page cache on)"
  echo
  echo "Per publish: the story's $single_culture title changed through the API (draft PUT, submit, approve by a second admin,"
  echo "publish); the clock starts when the publish response has arrived and stops when a curl poll of the page"
  echo "(one after another, no sleep) returns the new title. A poll is a new curl process and a whole page request, so the"
  echo "resolution is one poll: with 1 poll the first request after the publish already had the new title, and the figure is"
  echo "that request's duration. \"API ms\": the five API calls, from the draft GET to the publish response."
  echo
  echo "| variant | publishes | min ms | median ms | max ms | median polls | median API ms |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  echo "| idle | $(publish_stats idle) |"
  if [ -f "$out/publish-loaded.txt" ]; then
    echo "| under wrk -c$publish_load on the same page | $(publish_stats loaded) |"
    echo
    echo "The load meanwhile: $(grep -E 'Requests/sec' "$out/wrk-publish-load.txt" | tr -s ' '), $(grep -o 'non2xx=[0-9]*' "$out/wrk-publish-load.txt" || echo 'no report')."
  fi
  echo
  echo "Per publish (ms):"
  echo
  for variant in idle loaded; do
    if [ -f "$out/publish-$variant.txt" ]; then echo "- $variant: $(awk '!/^#/ {print $2}' "$out/publish-$variant.txt" | paste -sd' ')"; fi
  done
  echo
  echo "## Response headers of the single page"
  echo
  echo "App, cache on / cache off / nginx:"
  echo
  for f in headers-cached headers-uncached headers-nginx; do tr -d '\r' <"$out/$f.txt" | grep -v '^$' | sed 's/^/    /'; echo; done
  echo "## Commands, in order"
  echo
  sed 's/^/    /' "$out/commands.txt"
} >"$out/summary.md"

log "done: $out/summary.md"
sed -n '/^## The issue/,/^## Response headers/p' "$out/summary.md" | head -n -1
