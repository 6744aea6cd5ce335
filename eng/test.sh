#!/usr/bin/env bash
# The one test command (README and .ci/run): real engine up, stand-in images built, every test project
# run with coverage, a line-coverage floor enforced, and one closing line "N passed, N failed".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

bash eng/require-tools.sh
eval "$(bash eng/docker-engine.sh start)"
bash eng/base-images.sh
bash eng/sample-image.sh
bash eng/action-image.sh

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
log="$results/dotnet-test.log"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Tailpaste.Actions.sln -c Release --nologo -v quiet
status=0
dotnet test Tailpaste.Actions.sln -c Release --no-build --nologo \
  --collect:"XPlat Code Coverage" --results-directory "$results" \
  --settings eng/coverage.runsettings 2>&1 | tee "$log" || status=$?

# One closing line over every test assembly.
awk '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"

if [ "$status" -ne 0 ]; then
  exit "$status"
fi
python3 eng/coverage.py "$results" --floor "${COVERAGE_FLOOR:-85}"
