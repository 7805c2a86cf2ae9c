#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine with the .NET SDK: installs and starts what the tests need
# (PostgreSQL, Chromium, axe-core), runs every test on SQLite and PostgreSQL, and ends with "N passed, N failed".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/install-test-deps.sh
PGM_TEST_POSTGRES="$(bash scripts/postgres.sh)"
export PGM_TEST_POSTGRES
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results="$root/TestResults"
rm -rf "$results"
status=0
dotnet test ParkGlobalMedia.sln -c Release --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@" || status=$?

# The summary line CI reads, from the TRX counters (the runner's own summary is not read there).
trx="$(find "$results" -name '*.trx' | head -n 1)"
if [ -z "$trx" ]; then
  echo "0 passed, 1 failed"
  echo "No test results were written (build failure?)." >&2
  exit 1
fi
counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
passed="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
failed="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
errors="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")"
failed=$(( ${failed:-0} + ${errors:-0} ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The runner failed though no test did (a test host exiting badly after the last test): show its own words.
  echo "dotnet test exited with $status although no test failed; the run's messages:" >&2
  sed -n '/<RunInfos>/,/<\/RunInfos>/p' "$trx" >&2
fi
echo "${passed:-0} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "${passed:-0}" -eq 0 ]; then
  exit 1
fi
