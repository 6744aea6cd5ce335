#!/usr/bin/env bash
# Benchmark: the actions images (issue 16). Prints one line per figure, with the load average beside it:
#   size      total, gzip-compressed (`docker save | gzip -1`) and our layers (those that copy into /app) of the
#             runner-built image (tailpaste/actions) and of each released Native AOT image
#   rebuild   the runner-built image after a one-line change in one action, and in src/Shared (warm cache)
#   cold      the runner-built image with --no-cache (BENCH_COLD=0 skips it: minutes on two cores)
#   start     start-to-exit of a trivial run (docker-cleanup --dry-run selecting nothing: one list per resource
#             kind through the socket), medians of BENCH_ROUNDS, as host processes: JIT (the runner-built image's
#             build), ReadyToRun (a host publish for this runtime, as the project asks outside the image), Native
#             AOT (the released binary), and the Node.js reference (bench/images/trivial-action.mjs with
#             @actions/core from npm); and as containers (docker run, the runner's way) for JIT and Native AOT
#   pull      pull of a released image from a local registry (Debian's docker-registry on 127.0.0.1) and its run
#
#   bash bench/images/run.sh
#
# Environment: BENCH_PARTS (all; rebuild: the rebuild and cold builds alone; sizes: the size lines alone), BENCH_ROUNDS (7), BENCH_REBUILDS (3: rounds of each rebuild), BENCH_COLD (1), TAILPASTE_IMAGE_TAG (the images' tag, default dev).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# shellcheck source=eng/lib/common.sh
source eng/lib/common.sh
# shellcheck source=eng/lib/image.sh
source eng/lib/image.sh

rounds="${BENCH_ROUNDS:-7}"
cold="${BENCH_COLD:-1}"
rebuilds="${BENCH_REBUILDS:-3}"
parts="${BENCH_PARTS:-all}"
case "$parts" in all | rebuild | sizes) ;; *) echo "bench/images: BENCH_PARTS=\"$parts\": expected all, rebuild or sizes" >&2; exit 2 ;; esac
eval "$(eng/docker-engine.sh start)"
export DOCKER_HOST
work="$(mktemp -d)"
registry_pid=""
cleanup() {
  if [[ -n "$registry_pid" ]]; then kill "$registry_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

load() { cut -d' ' -f1 /proc/loadavg; }
say() {
  printf '%-8s %-44s %s   (load %s)\n' "$1" "$2" "$3" "$(load)"
  if [[ -e "$work/failed" ]]; then cat "$work/failed" >&2; exit 1; fi
}
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }
# A timed command that fails leaves a mark (its time would be the time to fail): the next `say` stops the run.
seconds_of() {
  local start=$EPOCHREALTIME
  if ! "$@" >"$work/timed.log" 2>&1; then
    { printf 'bench/images: failed: %s\n' "$*"; tail -n 20 "$work/timed.log"; } >"$work/failed"
  fi
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
median_of() { local i; for ((i = 0; i < rounds; i++)); do seconds_of "$@"; echo; done | median; }

printf 'machine: %s cores, %s, %s; date %s UTC\n' "$(nproc)" "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)" \
  "$(. /etc/os-release && echo "$PRETTY_NAME")" "$(date -u '+%Y-%m-%d %H:%M')"

actions_image="tailpaste/actions:$TAILPASTE_IMAGE_TAG"
eng/action-image.sh >/dev/null
released=()
if [[ "$parts" != rebuild ]]; then
  mapfile -t released < <(eng/release-images.sh --registry bench.invalid --owner tailpaste --version 0.0.0)
fi

# --- sizes
# "ours": the layers that copy our files into /app (the published actions and the entry point), by the image's
# history; everything else is a base: runtime-deps, the .NET runtime copied from the runtime image, git.
our_layers() {
  docker history --no-trunc --human=false --format '{{.Size}}{{"\t"}}{{.CreatedBy}}' "$1" |
    awk -F'\t' '$2 ~ /COPY/ && $2 ~ /\/app\// { sum += $1 } END { print sum + 0 }'
}
size_line() {
  local image="$1" total compressed
  total="$(docker image inspect --format '{{.Size}}' "$image")"
  compressed="$(docker save "$image" | gzip -1 | wc -c)"
  say size "$image" "total $(mb "$total"), compressed $(mb "$compressed"), ours $(mb "$(our_layers "$image")")"
}
if [[ "$parts" != rebuild ]]; then
  size_line "$actions_image"
  for image in "${released[@]}"; do size_line "$image"; done
fi
[[ "$parts" != sizes ]] || exit 0

# --- rebuild after a one-line change, in a copy of the context (the working tree is never touched)
copy="$work/context"
mkdir -p "$copy"
context_files | tar --null -T - -cf - | tar -xf - -C "$copy"
(
  cd "$copy"
  build_image Dockerfile --tag "tailpaste/actions:bench-$TAILPASTE_IMAGE_TAG"
  # Each round appends a line no earlier run appended (BuildKit keys its cache on content: a line repeated from an
  # earlier run of this benchmark would be a cache hit, not a rebuild), so every round is a real source change.
  rebuild_rounds() {
    local file="$1" what="$2" i times=()
    for ((i = 1; i <= rebuilds; i++)); do
      echo "// bench: one-line change $i at $(date +%s%N)" >>"$file"
      times+=("$(seconds_of build_image Dockerfile --tag "tailpaste/actions:bench-$TAILPASTE_IMAGE_TAG")")
    done
    say rebuild "$what" "$(printf '%s\n' "${times[@]}" | median) s median of $rebuilds (${times[*]})"
  }
  rebuild_rounds actions/docker-cleanup/Program.cs "one line in actions/docker-cleanup"
  rebuild_rounds src/Shared/Actions/ActionHost.cs "one line in src/Shared"
  if [[ "$cold" == 1 ]]; then
    say cold "runner-built image, --no-cache" "$(seconds_of build_image Dockerfile --no-cache --tag "tailpaste/actions:bench-$TAILPASTE_IMAGE_TAG") s"
  fi
)
docker image rm "tailpaste/actions:bench-$TAILPASTE_IMAGE_TAG" >/dev/null 2>&1 || true
[[ "$parts" == all ]] || exit 0

# --- start-to-exit of a trivial run
selector="tailpaste.bench-images=$(date +%s%N)"
# shellcheck disable=SC2054 # the commas are the input's list syntax
trivial=(--labels "$selector" --dry-run --resources containers,volumes,images,networks --prune-dangling false)
aot_image="$(printf '%s\n' "${released[@]}" | grep /tailpaste-docker-cleanup:)"
for image in "$actions_image" "$aot_image"; do
  # --network none: no default bridge on this engine (and no warning about it).
  id="$(docker create --network none "$image" docker-cleanup)"
  docker cp "$id:/app/docker-cleanup" "$work/$(basename "${image%%:*}")" >/dev/null
  docker rm "$id" >/dev/null
done
jit_dir="$work/actions" aot_dir="$work/tailpaste-docker-cleanup" r2r_dir="$work/r2r"
# The runner-built image holds no ReadyToRun code (PUBLISH=jit); a host publish for this runtime does.
TAILPASTE_ARTIFACTS="$work/artifacts" TAILPASTE_IMAGE_BUILD=true dotnet publish actions/docker-cleanup -c Release --use-current-runtime --self-contained false \
  -o "$r2r_dir" -nologo -v q >"$work/r2r.log" 2>&1 || { cat "$work/r2r.log" >&2; exit 1; }
# docker-cleanup writes its report into the working directory: keep it out of the checkout.
cd "$work"
say start "host: JIT (runner-built image's build)" "$(median_of dotnet "$jit_dir/docker-cleanup.dll" "${trivial[@]}") s median of $rounds"
say start "host: ReadyToRun" "$(median_of dotnet "$r2r_dir/docker-cleanup.dll" "${trivial[@]}") s median of $rounds"
say start "host: Native AOT" "$(median_of "$aot_dir/docker-cleanup" "${trivial[@]}") s median of $rounds"
node_dir="$root/bench/.tools/node-action"
if [[ ! -d "$node_dir/node_modules/@actions/core" ]]; then
  mkdir -p "$node_dir"
  (cd "$node_dir" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund @actions/core >/dev/null)
fi
cp "$root/bench/images/trivial-action.mjs" "$node_dir/"
# The runner creates the output file before a step starts; @actions/core refuses to write to a missing one.
: >"$work/node-output"
say start "host: Node.js $(node --version) + @actions/core" "$(median_of env "INPUT_LABELS=$selector" "GITHUB_OUTPUT=$work/node-output" node "$node_dir/trivial-action.mjs") s median of $rounds"
cd "$root"
socket="${DOCKER_HOST#unix://}"
in_container() { docker run --rm --network none -v "$socket:/var/run/docker.sock" "$@"; }
say start "container: JIT (runner-built image)" "$(median_of in_container "$actions_image" docker-cleanup "${trivial[@]}") s median of $rounds"
say start "container: Native AOT" "$(median_of in_container "$aot_image" docker-cleanup "${trivial[@]}") s median of $rounds"

# --- pull and run from a local registry
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cat >"$work/registry.yml" <<YAML
version: 0.1
log: { level: error }
storage: { filesystem: { rootdirectory: $work/registry } }
http: { addr: 127.0.0.1:$port }
YAML
docker-registry serve "$work/registry.yml" >/dev/null 2>&1 &
registry_pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/v2/" >/dev/null && break; sleep 0.1; done
pushed="127.0.0.1:$port/tailpaste/tailpaste-docker-cleanup:0.0.0"
docker tag "$aot_image" "$pushed"
docker push --quiet "$pushed" >/dev/null
docker image rm "$pushed" >/dev/null
say pull "docker-cleanup (AOT) pull + run" "$(seconds_of bash -c "docker pull --quiet '$pushed' && docker run --rm --network none -v '$socket:/var/run/docker.sock' '$pushed' docker-cleanup ${trivial[*]}") s"
docker image rm "$pushed" >/dev/null 2>&1 || true
