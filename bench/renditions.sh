#!/usr/bin/env bash
# Rendition throughput of the asset bank's image engine (libvips in-process, VipsImageProcessor) against the
# vipsthumbnail CLI, measured in the same run (see bench/README.md; figures in bench/RESULTS.md).
#
#   bash bench/renditions.sh
#
# 1. installs libvips + vipsthumbnail (scripts/install-media-tools.sh) and GNU time when missing, builds Release;
# 2. `dotnet <bench dll> renditions <work> <out>`: makes 8 photos of 6000 × 4000 once (kept in <work>/photos, ~40 s),
#    then renders each at 400 px wide and as a 1200 × 630 cover crop, with the engine (2 concurrent renders) and with
#    vipsthumbnail (2 processes at a time), plus a sweep of concurrent renders × libvips threads per render;
# 3. replaces the "Renditions" section of bench/RESULTS.md (between its markers) with the figures and this command.
# About 2 minutes on 2 cores once the photos exist.
#
# Knobs (environment): PGM_BENCH_WORK (default /tmp/pgm-bench; photos and outputs go to its renditions/ folder),
# PGM_BENCH_PHOTOS (8), PGM_BENCH_ROUNDS (3), PGM_BENCH_PASSES (2 passes over the photos per measurement),
# PGM_BENCH_NO_RESULTS=1 (leave RESULTS.md alone).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work="${PGM_BENCH_WORK:-/tmp/pgm-bench}/renditions"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$root/bench/out/renditions-$stamp"
dll="$root/bench/ParkGlobalMedia.Benchmarks/bin/Release/net10.0/ParkGlobalMedia.Benchmarks.dll"
mkdir -p "$work" "$out"

bash scripts/install-media-tools.sh
if [ ! -x /usr/bin/time ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time >/dev/null
fi

dotnet build bench/ParkGlobalMedia.Benchmarks -c Release -nologo -v quiet >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; exit 1; }

knobs="PGM_BENCH_PHOTOS=${PGM_BENCH_PHOTOS:-8} PGM_BENCH_ROUNDS=${PGM_BENCH_ROUNDS:-3} PGM_BENCH_PASSES=${PGM_BENCH_PASSES:-2}"
command="$knobs dotnet $dll renditions $work $out"
echo "$command" >"$out/command.txt"
env $knobs dotnet "$dll" renditions "$work" "$out" 2>&1 | tee "$out/renditions.log"

[ "${PGM_BENCH_NO_RESULTS:-0}" = 1 ] && exit 0

section="$out/section.md"
{
  echo "<!-- renditions:start (written by bench/renditions.sh) -->"
  echo "## Renditions: image engine in-process vs vipsthumbnail — run \`renditions-$stamp\` (commit \`$(git rev-parse --short HEAD)\`)"
  echo
  echo "\`${PGM_BENCH_WORK:+PGM_BENCH_WORK=$PGM_BENCH_WORK }bash bench/renditions.sh\` on $(date -u '+%Y-%m-%d %H:%M') UTC, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') × $(nproc), .NET $(dotnet --version); the measuring command was"
  echo
  echo '```bash'
  echo "${command//$root\//}"
  echo '```'
  echo
  cat "$out/renditions.md"
  echo
  echo "What the engine does per rendition, and why it runs 2 libvips threads per render: \`src/ParkGlobalMedia.Web/Assets/Imaging/README.md\`."
  echo "<!-- renditions:end -->"
} >"$section"

results=bench/RESULTS.md
if grep -q '<!-- renditions:start' "$results"; then
  awk -v file="$section" '
    /<!-- renditions:start/ { while ((getline line < file) > 0) print line; skip = 1; next }
    /<!-- renditions:end -->/ { skip = 0; next }
    !skip' "$results" >"$out/RESULTS.md"
else
  { cat "$results"; echo; cat "$section"; } >"$out/RESULTS.md"
fi
cp "$out/RESULTS.md" "$results"
echo "bench/RESULTS.md updated (section between the renditions markers)."
