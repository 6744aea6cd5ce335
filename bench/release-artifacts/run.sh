#!/usr/bin/env bash
# Benchmark: release-artifacts against its peers, in one run on one machine.
#   changelog of a generated 10,000-commit repository   vs  git-cliff (npm package, native binary)
#   reproducible archive of its tagged tree             vs  git archive --format=tar.gz
#   SHA-256 of a 1 GiB file                             vs  sha256sum, openssl dgst, and openssl speed's limit
# Installs git-cliff when missing, builds the action in Release, generates the repository and the file once
# (in $BENCH_DIR, default /tmp/release-artifacts-bench), takes the median of --runs runs of each command,
# and prints a Markdown report with wall and CPU times and the ratios.
#   usage: bash bench/release-artifacts/run.sh [--runs N] [--commits N] [--write]
#          (--write puts the report into docs/benchmarks/release-artifacts.md)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
runs=3
commits=10000
write=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --commits) commits="$2"; shift 2 ;;
    --write) write=true; shift ;;
    *) echo "unknown argument: $1 (expected --runs N, --commits N or --write)" >&2; exit 2 ;;
  esac
done

need_apt=()
command -v git >/dev/null || need_apt+=(git)
command -v openssl >/dev/null || need_apt+=(openssl)
command -v python3 >/dev/null || need_apt+=(python3)
[[ -x /usr/bin/time ]] || need_apt+=(time)
command -v npm >/dev/null || need_apt+=(nodejs npm)
if [[ ${#need_apt[@]} -gt 0 ]]; then
  apt-get update -qq >&2 && apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
modules="$(npm root -g)"
cliff="$modules/git-cliff/node_modules/git-cliff-linux-x64/bin/git-cliff"
if [[ ! -x "$cliff" ]]; then npm i -g --no-fund --no-audit git-cliff >&2; fi
# The native binary, not the node wrapper: the wrapper would add node's start-up to git-cliff's time.
[[ -x "$cliff" ]] || cliff="$(command -v git-cliff)"

export TAILPASTE_ARTIFACTS="${TAILPASTE_ARTIFACTS:-/tmp/art-release-artifacts-bench}"
dotnet build "$repo/actions/release-artifacts/ReleaseArtifacts.csproj" -c Release -nologo -v quiet >&2
dotnet build "$here/Sha256Bench/Sha256Bench.csproj" -c Release -nologo -v quiet >&2
action="$TAILPASTE_ARTIFACTS/bin/ReleaseArtifacts/release/release-artifacts.dll"
shabench="$TAILPASTE_ARTIFACTS/bin/Sha256Bench/release/sha256-bench.dll"

work="${BENCH_DIR:-/tmp/release-artifacts-bench}"
mkdir -p "$work"
bench_repo="$work/repo-$commits"
if [[ ! -d "$bench_repo/.git" ]]; then
  echo "generating a $commits-commit repository in $bench_repo" >&2
  rm -rf "$bench_repo.tmp" && git init -q -b main "$bench_repo.tmp"
  python3 "$here/generate-repo.py" --commits "$commits" | git -C "$bench_repo.tmp" fast-import --quiet --done
  git -C "$bench_repo.tmp" checkout -q main
  mv "$bench_repo.tmp" "$bench_repo"
fi
big="$work/1GiB.bin"
if [[ ! -f "$big" || "$(stat -c %s "$big")" -ne 1073741824 ]]; then
  echo "writing $big" >&2
  head -c 1073741824 /dev/urandom > "$big"
fi
out="$work/out" && rm -rf "$out" && mkdir -p "$out"

# measure NAME CMD...: runs CMD $runs times (cwd = the bench repository) and records the median wall
# seconds, CPU seconds (user + system) and peak RSS in KiB as NAME_wall, NAME_cpu, NAME_rss.
measure() {
  local name="$1"; shift
  local samples="$work/$name.samples"
  : > "$samples"
  : > "$work/$name.out"
  for _ in $(seq "$runs"); do
    if ! (cd "$bench_repo" && /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > "$work/stdout" 2> "$work/stderr"); then
      echo "$name failed:" >&2; cat "$work/stderr" >&2; exit 1
    fi
    cat "$work/time" >> "$samples"
    cat "$work/stdout" >> "$work/$name.out"
  done
  read -r "${name}_wall" "${name}_cpu" "${name}_rss" < <(python3 - "$samples" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
wall = statistics.median(float(r[0]) for r in rows)
cpu = statistics.median(float(r[1]) + float(r[2]) for r in rows)
rss = max(int(r[3]) for r in rows)
print(f"{wall:.3f} {cpu:.3f} {rss}")
PY
)
}

ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{a / b:.2f}' if b > 0 else 'n/a')" "$1" "$2"; }

# Changelog: the same range, the same grouping (bench/release-artifacts/cliff.toml mirrors the action's rules).
measure ours_changelog dotnet "$action" --version v2.0.0 --steps validate,changelog --output-dir "$out/ours" --repository-path "$bench_repo"
measure cliff_changelog "$cliff" --config "$here/cliff.toml" v1.0.0..v2.0.0 -o "$out/cliff.md"
count() { awk -v g="### $2" '/^###/ { on = ($0 == g) } on && /^- / { c++ } END { print c + 0 }' "$1"; }
sections=""
for g in "Breaking changes" Features Fixes Performance Others; do
  sections+="| $g | $(count "$out/ours/release-notes.md" "$g") | $(count "$out/cliff.md" "$g") |"$'\n'
done

# Archive of the tagged tree.
measure ours_archive dotnet "$action" --version v2.0.0 --steps archive --output-dir "$out/ours" --repository-path "$bench_repo"
measure git_archive git archive --format=tar.gz --prefix=tailpaste-2.0.0/ -o "$out/git-archive.tar.gz" v2.0.0
ours_archive_bytes="$(stat -c %s "$out/ours/tailpaste-2.0.0.tar.gz")"
git_archive_bytes="$(stat -c %s "$out/git-archive.tar.gz")"
entries="$(tar -tzf "$out/ours/tailpaste-2.0.0.tar.gz" | wc -l)"
tree_bytes="$(git -C "$bench_repo" archive --format=tar v2.0.0 | wc -c)"

# SHA-256 of 1 GiB, from the page cache (read once first so no tool pays for the disk).
cat "$big" > /dev/null
measure sha256sum sha256sum "$big"
measure openssl_dgst openssl dgst -sha256 "$big"
measure ours_sha dotnet "$shabench" "$big"
# Throughput in pairs: openssl speed's limit and ours, back to back, so both see the same load on a shared
# machine. openssl speed divides by CPU user time (its default) or by wall time (-elapsed); both are kept.
speed() { openssl speed "$@" -evp sha256 -bytes 1048576 -seconds 2 2>/dev/null | awk '/^sha256/ { sub("k", "", $2); printf "%.0f", $2 * 1000 / 1e6 }'; }
pairs="$work/sha.pairs"
: > "$pairs"
for _ in $(seq "$runs"); do
  echo "$(speed) $(speed -elapsed) $(dotnet "$shabench" "$big" | cut -d' ' -f3,7)" >> "$pairs"
done
# Our in-process figures: the pairs' runs plus the whole-process runs above (sha256-bench prints them too).
read -r openssl_speed openssl_speed_elapsed ours_sha_wall_mbs ours_sha_user_mbs ours_sha_best_mbs wall_share_same_load < <(python3 - "$pairs" "$work/ours_sha.out" <<'PY'
import statistics, sys
rows = [[float(x) for x in line.split()] for line in open(sys.argv[1]) if line.strip()]
ours = [(r[2], r[3]) for r in rows] + [(float(l.split()[2]), float(l.split()[6])) for l in open(sys.argv[2]) if l.strip()]
share = statistics.median(r[2] / r[1] for r in rows)
print(f"{statistics.median(r[0] for r in rows):.0f} {statistics.median(r[1] for r in rows):.0f} "
      f"{statistics.median(o[0] for o in ours):.0f} {statistics.median(o[1] for o in ours):.0f} {max(o[0] for o in ours):.0f} {share * 100:.0f}")
PY
)
[[ "$(dotnet "$shabench" "$big" | cut -d' ' -f1)" == "$(sha256sum "$big" | cut -d' ' -f1)" ]] || { echo "SHA-256 differs from sha256sum" >&2; exit 1; }

verdict_le() { python3 -c "import sys; print('met' if float(sys.argv[1]) <= float(sys.argv[2]) else 'missed')" "$1" "$2"; }
verdict_pct() { python3 -c "import sys; r = float(sys.argv[1]) / float(sys.argv[2]); print(f\"{r * 100:.0f} % ({'met' if r >= 0.9 else 'missed'})\")" "$1" "$2"; }

cpu_model="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
sha_ext="$(grep -qm1 sha_ni /proc/cpuinfo && echo 'SHA extensions (sha_ni)' || echo 'no SHA extensions')"
# The NAME_wall/_cpu/_rss variables are set by measure() through `read` with computed names.
# shellcheck disable=SC2154
report="$(cat <<EOF
Run: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores ($cpu_model, $sha_ext), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end,
$runs runs per command (medians; CPU = user + system), git $(git --version | cut -d' ' -f3), $("$cliff" --version), $(openssl version | cut -d' ' -f1-2), .NET $(dotnet --version).
Repository: $(git -C "$bench_repo" rev-list --count v2.0.0) commits ($(git -C "$bench_repo" rev-list --count --merges v2.0.0) merges), $(git -C "$bench_repo" ls-tree -r v2.0.0 | wc -l) files, $tree_bytes bytes as tar.

| task | release-artifacts wall / CPU | peer wall / CPU | ratio wall / CPU (ours ÷ peer) | target | verdict (wall) |
| --- | --- | --- | --- | --- | --- |
| changelog v1.0.0..v2.0.0 | ${ours_changelog_wall} s / ${ours_changelog_cpu} s | git-cliff ${cliff_changelog_wall} s / ${cliff_changelog_cpu} s | $(ratio "$ours_changelog_wall" "$cliff_changelog_wall") / $(ratio "$ours_changelog_cpu" "$cliff_changelog_cpu") | ≤ 1 | $(verdict_le "$ours_changelog_wall" "$cliff_changelog_wall") |
| archive of v2.0.0 (tar.gz) | ${ours_archive_wall} s / ${ours_archive_cpu} s | git archive ${git_archive_wall} s / ${git_archive_cpu} s | $(ratio "$ours_archive_wall" "$git_archive_wall") / $(ratio "$ours_archive_cpu" "$git_archive_cpu") | ≤ 1 | $(verdict_le "$ours_archive_wall" "$git_archive_wall") |
| SHA-256 of 1 GiB (whole process) | ${ours_sha_wall} s / ${ours_sha_cpu} s | sha256sum ${sha256sum_wall} s / ${sha256sum_cpu} s | $(ratio "$ours_sha_wall" "$sha256sum_wall") / $(ratio "$ours_sha_cpu" "$sha256sum_cpu") | — | — |
| SHA-256 of 1 GiB (whole process) | ${ours_sha_wall} s / ${ours_sha_cpu} s | openssl dgst ${openssl_dgst_wall} s / ${openssl_dgst_cpu} s | $(ratio "$ours_sha_wall" "$openssl_dgst_wall") / $(ratio "$ours_sha_cpu" "$openssl_dgst_cpu") | — | — |

SHA-256 throughput against the machine's limit, \`openssl speed -evp sha256 -bytes 1048576\`: ${openssl_speed} MB/s per CPU user second
(its default measure); ${openssl_speed_elapsed} MB/s of wall time (\`-elapsed\`) under this run's load. Each of $runs pairs ran openssl speed
and ours back to back; our figures are the medians over those $runs runs and the $runs whole-process runs above ($((runs * 2)) in all):

| measure | release-artifacts (in-process, 1 GiB file from the page cache) | share of openssl speed |
| --- | --- | --- |
| wall-clock throughput, median | ${ours_sha_wall_mbs} MB/s | $(verdict_pct "$ours_sha_wall_mbs" "$openssl_speed") |
| wall-clock throughput, best run (least disturbed) | ${ours_sha_best_mbs} MB/s | $(verdict_pct "$ours_sha_best_mbs" "$openssl_speed") |
| wall-clock, against openssl speed -elapsed in the same pair | — | ${wall_share_same_load} % |
| per CPU user second (as openssl speed counts) | ${ours_sha_user_mbs} MB/s | $(verdict_pct "$ours_sha_user_mbs" "$openssl_speed") |

Changelog lines per section (both tools, same rules):

| section | release-artifacts | git-cliff |
| --- | --- | --- |
${sections}
Archive: release-artifacts $ours_archive_bytes bytes ($entries entries, reproducible), git archive $git_archive_bytes bytes.
Peak RSS: changelog $((ours_changelog_rss / 1024)) MiB (git-cliff $((cliff_changelog_rss / 1024)) MiB), archive $((ours_archive_rss / 1024)) MiB (git archive $((git_archive_rss / 1024)) MiB), SHA-256 of 1 GiB $((ours_sha_rss / 1024)) MiB (sha256sum $((sha256sum_rss / 1024)) MiB).
EOF
)"
echo "$report"
if $write; then
  python3 - "$repo/docs/benchmarks/release-artifacts.md" "$report" <<'PY'
import sys
path, report = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
start, end = "<!-- bench:start -->", "<!-- bench:end -->"
a, b = text.index(start) + len(start), text.index(end)
open(path, "w", encoding="utf-8").write(text[:a] + "\n" + report + "\n" + text[b:])
PY
fi
