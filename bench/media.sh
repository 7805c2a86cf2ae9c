#!/usr/bin/env bash
# Asset-delivery benchmarks (see bench/README.md; figures in bench/RESULTS.md, section "Asset bank").
#
#   bash bench/media.sh
#
# 1. installs wrk, nginx and curl when missing; builds Release; starts the app on SQLite in a fresh data folder
#    (default recipe, an admin with a token made by the CLI verbs);
# 2. rendition cache hit vs nginx: uploads a photo, waits for its renditions, makes it public, then wrk against the
#    w640.webp rendition URL and against nginx serving the very same bytes as a static file, in the same run
#    (nginx, app, nginx), 32 connections;
# 3. a 2 GiB upload streamed with curl while the server's RSS is sampled every 100 ms: peak RSS before, during and
#    after, so "memory stays flat" is a number, not a claim.
# Everything lands in bench/out/media-<UTC timestamp>/ (summary.md, commands.txt, raw wrk and RSS logs).
#
# Knobs: PGM_BENCH_PORT (5393), PGM_BENCH_NGINX_PORT (5394), PGM_BENCH_DURATION (20s), PGM_BENCH_UPLOAD_MB (2048).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
port="${PGM_BENCH_PORT:-5393}"
nginx_port="${PGM_BENCH_NGINX_PORT:-5394}"
duration="${PGM_BENCH_DURATION:-20s}"
upload_mb="${PGM_BENCH_UPLOAD_MB:-2048}"
out="$root/bench/out/media-$(date -u +%Y%m%dT%H%M%SZ)"
work="$(mktemp -d /tmp/pgm-media-bench.XXXXXX)"
dll="$root/src/ParkGlobalMedia.Web/bin/Release/net10.0/ParkGlobalMedia.Web.dll"
base="http://127.0.0.1:$port"
mkdir -p "$out"
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$out/run.log"; }
cmd() { echo "$*" >>"$out/commands.txt"; }

missing=()
for tool in wrk nginx curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
bash scripts/install-media-tools.sh
dotnet build src/ParkGlobalMedia.Web -c Release -nologo -v quiet >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; exit 1; }

export ASPNETCORE_ENVIRONMENT=Production Platform__DataFolder="$work/data" Logging__LogLevel__Default=Warning
server_pid=""; nginx_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet "$dll" user create --email bench@example.org --password Bench-Admin-2026 --role Admin >/dev/null
token="$(dotnet "$dll" token issue --email bench@example.org --name bench --scope admin --scope content:write --days 1 | grep -o 'pgm_[A-Za-z0-9_-]*' | head -1)"
dotnet "$dll" --urls "$base" >"$out/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

# ---- 2. rendition cache hit vs nginx ---------------------------------------------------------------------------
vips gaussnoise "$work/n.v" 3000 2000 --mean 128 --sigma 40 && vips cast "$work/n.v" "$work/c.v" uchar
vips bandjoin "$work/c.v $work/c.v $work/c.v" "$work/photo.jpg"
id="$(curl -fs -H "Authorization: Bearer $token" --data-binary @"$work/photo.jpg" -H 'Content-Type: application/octet-stream' "$base/api/v1/assets?fileName=photo.jpg" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)"
log "uploaded asset $id; waiting for renditions"
for _ in $(seq 1 300); do
  state="$(curl -s -H "Authorization: Bearer $token" "$base/api/v1/assets/$id/processing" | grep -o '"state":"[^"]*"' | cut -d'"' -f4 || true)"
  [ "$state" = "Ready" ] && break; sleep 0.5
done
log "processing state: $state"
[ "$state" = "Ready" ] || { curl -s -H "Authorization: Bearer $token" "$base/api/v1/assets/$id" | head -c 2000; exit 1; }
etag="$(curl -fs -D - -o /dev/null -H "Authorization: Bearer $token" "$base/api/v1/assets/$id" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')"
curl -fs -X PATCH -H "Authorization: Bearer $token" -H "If-Match: $etag" -H 'Content-Type: application/json' -d '{"rights":{"licence":"public"}}' "$base/api/v1/assets/$id" >/dev/null
rendition="$(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/assets/$id" | grep -o '/media/[0-9a-f]*/[0-9]*/w640.webp' | head -1)"
mkdir -p "$work/static"
curl -fs "$base$rendition" -o "$work/static/w640.webp"
cat >"$work/nginx.conf" <<NGINX
worker_processes 1; daemon off; pid $work/nginx.pid; error_log $work/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; sendfile on; etag on;
  types { image/webp webp; }
  server { listen 127.0.0.1:$nginx_port; root $work/static; location / { add_header Cache-Control "public, max-age=31536000, immutable"; } } }
NGINX
nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
sleep 0.5
bytes="$(stat -c %s "$work/static/w640.webp")"
log "rendition $rendition ($bytes bytes)"
run_wrk() { cmd "wrk -t2 -c32 -d$duration --latency $1"; wrk -t2 -c32 -d"$duration" --latency "$1" >"$out/$2.txt"; grep -E 'Requests/sec|50%|99%' "$out/$2.txt" | tr -s ' ' | tee -a "$out/run.log"; }
wrk -t2 -c32 -d5s "http://127.0.0.1:$nginx_port/w640.webp" >/dev/null; wrk -t2 -c32 -d5s "$base$rendition" >/dev/null # warm-up
run_wrk "http://127.0.0.1:$nginx_port/w640.webp" nginx-1
run_wrk "$base$rendition" app
run_wrk "http://127.0.0.1:$nginx_port/w640.webp" nginx-2
rps() { grep 'Requests/sec' "$out/$1.txt" | awk '{print $2}'; }
nginx_rps="$(echo "$(rps nginx-1) $(rps nginx-2)" | awk '{print ($1+$2)/2}')"
app_rps="$(rps app)"
ratio="$(echo "$app_rps $nginx_rps" | awk '{printf "%.2f", $1/$2}')"

# ---- 3. 2 GiB upload, RSS sampled ------------------------------------------------------------------------------
# An MP4 header followed by zeros: accepted as video by its magic bytes (ffprobe will refuse it later, which is fine:
# this measures receiving, spooling, hashing and storing).
{ printf '\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41'; head -c $((upload_mb * 1024 * 1024 - 32)) /dev/zero; } >"$work/big.mp4"
rss() { awk '/VmRSS/{print $2}' "/proc/$server_pid/status"; }
before="$(rss)"
( while kill -0 "$server_pid" 2>/dev/null; do echo "$(date +%s.%N) $(rss)"; sleep 0.1; done ) >"$out/rss.log" &
sampler=$!
cmd "curl -H 'Authorization: Bearer …' -T big.mp4 -X POST '$base/api/v1/assets?fileName=big.mp4'   # ${upload_mb} MiB"
start=$(date +%s.%N)
curl -fs -o "$out/upload.json" -H "Authorization: Bearer $token" -H 'Content-Type: application/octet-stream' -T "$work/big.mp4" -X POST "$base/api/v1/assets?fileName=big.mp4"
elapsed="$(echo "$(date +%s.%N) $start" | awk '{printf "%.1f", $1-$2}')"
sleep 1; kill "$sampler" 2>/dev/null || true
peak="$(awk '{print $2}' "$out/rss.log" | sort -n | tail -1)"
after="$(rss)"

cat >"$out/summary.md" <<SUMMARY
# Asset bank delivery — $(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git rev-parse --short HEAD), $(nproc) cores

| measure | value |
|---|---|
| rendition cache hit (w640.webp, $bytes B), app | $app_rps req/s (p50 $(grep -E '^ +50%' "$out/app.txt" | awk '{print $2}'), p99 $(grep -E '^ +99%' "$out/app.txt" | awk '{print $2}')) |
| same file from nginx (mean of runs before and after) | $nginx_rps req/s |
| ratio app / nginx | **$ratio** (goal ≥ 0.5) |
| ${upload_mb} MiB upload | ${elapsed} s |
| server RSS before / peak during / after | $((before / 1024)) / $((peak / 1024)) / $((after / 1024)) MiB |

Commands: see commands.txt.
SUMMARY
cat "$out/summary.md"
