#!/usr/bin/env bash
# What translation jobs send to Azure Translator against the least they could, as issue 5 asks (see bench/README.md;
# figures in bench/RESULTS.md).
#
#   bash bench/translation.sh
#
# 1. builds Release;
# 2. `dotnet <bench dll> translation <work> <out>`: the Azure Translator fake on loopback, the app in-process on a fresh
#    SQLite database with the default and demo recipes, its real Azure adapter pointed at the fake; every demo story's
#    Chinese source translated into the 5 cultures the demo enterprises publish in (one job per story, through the
#    API), then one paragraph of one source edited and the job run again. Calls and characters, from the jobs and from
#    what the fake received, against the minimum worked out from the source texts. Counts only, no timings.
# 3. replaces the "Translation jobs" section of bench/RESULTS.md (between its markers) with the figures and this command.
# About a minute on 2 cores.
#
# Knobs (environment): PGM_BENCH_WORK (default /tmp/pgm-bench; the database goes to its translation/ folder, emptied
# first), PGM_BENCH_NO_RESULTS=1 (leave RESULTS.md alone).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work="${PGM_BENCH_WORK:-/tmp/pgm-bench}/translation"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$root/bench/out/translation-$stamp"
dll="$root/bench/ParkGlobalMedia.Benchmarks/bin/Release/net10.0/ParkGlobalMedia.Benchmarks.dll"
mkdir -p "$out"

dotnet build bench/ParkGlobalMedia.Benchmarks -c Release -nologo -v quiet >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; exit 1; }

command="dotnet $dll translation $work $out"
echo "$command" >"$out/command.txt"
# A goal not met is a result too: it is recorded, and the script still exits non-zero.
status=0
dotnet "$dll" translation "$work" "$out" 2>&1 | tee "$out/translation.log" || status=$?
[ -s "$out/translation.md" ] || exit "$status"

[ "${PGM_BENCH_NO_RESULTS:-0}" = 1 ] && exit "$status"

section="$out/section.md"
{
  echo "<!-- translation:start (written by bench/translation.sh) -->"
  echo "## Translation jobs: calls and characters vs the minimum — run \`translation-$stamp\` (commit \`$(git rev-parse --short HEAD)\`)"
  echo
  echo "\`${PGM_BENCH_WORK:+PGM_BENCH_WORK=$PGM_BENCH_WORK }bash bench/translation.sh\` on $(date -u '+%Y-%m-%d %H:%M') UTC, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') × $(nproc), .NET $(dotnet --version) (counts do not depend on the machine); the measuring command was"
  echo
  echo '```bash'
  echo "${command//$root\//}"
  echo '```'
  echo
  echo "The issue's goals: requests and characters within 10 % of the minimum possible; after a one-paragraph edit, characters re-sent ≤ that paragraph's length × the number of targets. The minimum is worked out from each source version alone (\`TranslationMinimum\`: every distinct text \`StorySegments.Of\` gives — title, summary, SEO fields, body segments as tagged text — once per target; requests ≥ max(1, ⌈texts ÷ 1,000⌉, ⌈characters × targets ÷ 50,000⌉) per story, Azure's documented limits) and checked against the review view's segments of every target. \"Wire\" is what the Azure fake counted: code points of the HTML the adapter sent, markup included, × targets. How the run is set up and why: [README](README.md#translation-jobs-calls-and-characters)."
  echo
  cat "$out/translation.md"
  echo
  echo "<!-- translation:end -->"
} >"$section"

results=bench/RESULTS.md
if grep -q '<!-- translation:start' "$results"; then
  awk -v file="$section" '
    /<!-- translation:start/ { while ((getline line < file) > 0) print line; skip = 1; next }
    /<!-- translation:end -->/ { skip = 0; next }
    !skip' "$results" >"$out/RESULTS.md"
else
  { cat "$results"; echo; cat "$section"; } >"$out/RESULTS.md"
fi
cp "$out/RESULTS.md" "$results"
echo "bench/RESULTS.md updated (section between the translation markers)."
exit "$status"
