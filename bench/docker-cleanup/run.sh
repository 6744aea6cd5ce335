#!/usr/bin/env bash
# Benchmark: actions/docker-cleanup (published as in the actions image, one CLI run) against the seed's shell pipeline
#   docker ps -a --filter label=... -q | xargs -r docker rm -f      (and likewise images and volumes)
#   docker image prune -f; docker container prune -f
# on two identical, fresh populations of 200 containers + 50 volumes + 20 images (the issue's sizes).
#
#   bash bench/docker-cleanup/run.sh
#
# Prints both wall times and the ratio (issue 16's restated target: ours < 1.0 x the shell pipeline), and a third figure, the
# engine's floor: a third identical population removed by three docker CLIs at once (`docker rm -f`,
# `docker rmi`, `docker volume rm`) with the IDs listed beforehand, outside the timing. No client can do
# the same removals in less than the engine needs for them, so floor/shell is the best ratio any client
# could reach on this engine and machine.
#
# The engine is the shared private one (eng/docker-engine.sh). Every resource this script makes carries
# tailpaste.bench-run=<unique id>, both sides select on it, and the trap removes whatever is left.
# The seed's two prunes are scoped with the same label filter: unscoped, `docker container prune -f`
# removes EVERY stopped container on the engine (labelled or not, e.g. other test runs' created-not-started
# containers) and `docker image prune -f` every dangling image, which would break whoever else uses the
# engine. A prune still costs its list and its request; it just finds nothing foreign.
#
# Environment: BENCH_CONTAINERS (200), BENCH_VOLUMES (50), BENCH_IMAGES (20) to change the sizes;
#              BENCH_ROUNDS (5; issue 16 asks for medians over at least five) rounds, a line per round;
#              BENCH_ACTION=<binary> to time a docker-cleanup built beforehand instead of publishing one;
#              BENCH_BASELINE=<binary> to add a fourth population per round, removed by that other build (before/after);
#              TAILPASTE_ARTIFACTS (default /tmp/art-docker-cleanup-bench) for the build's intermediate files.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

containers="${BENCH_CONTAINERS:-200}"
volumes="${BENCH_VOLUMES:-50}"
images="${BENCH_IMAGES:-20}"
rounds="${BENCH_ROUNDS:-5}"
export TAILPASTE_ARTIFACTS="${TAILPASTE_ARTIFACTS:-/tmp/art-docker-cleanup-bench}"

# Peer tools: the docker CLI (Debian's docker.io) and the .NET SDK for the build.
if ! command -v docker >/dev/null 2>&1; then
  if [[ "$(id -u)" != 0 ]]; then
    echo "error: the docker CLI is missing; install docker.io (as root: apt-get install -y docker.io)" >&2
    exit 2
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || { echo "error: the .NET SDK (dotnet) is needed to build the action" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 || { echo "error: python3 is needed for the arithmetic" >&2; exit 2; }

eval "$(bash eng/docker-engine.sh start)"

bench_id="$(python3 -c 'import uuid; print(uuid.uuid4().hex[:16])')"
bench_label="tailpaste.bench-run=$bench_id"
work="$(mktemp -d /tmp/docker-cleanup-bench.XXXXXX)"

cleanup() {
  docker ps -aq --filter "label=$bench_label" | xargs -r docker rm -f >/dev/null 2>&1 || true
  docker images -q --filter "label=$bench_label" | sort -u | xargs -r docker rmi -f >/dev/null 2>&1 || true
  docker volume ls -q --filter "label=$bench_label" | xargs -r docker volume rm -f >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Timed the way a user runs it: the released image's binary, Native AOT, published with the same settings as
# the image's publish stage (Dockerfile, PUBLISH=aot: TAILPASTE_IMAGE_BUILD=true, --use-current-runtime). The
# binary is run directly on the host, not through `docker run`: the image adds the same container start to any
# step, and the shell pipeline and the floor also run on the host. BENCH_ACTION=<path> times a binary built
# beforehand instead (to compare two builds on the same populations).
if [[ -n "${BENCH_ACTION:-}" ]]; then
  action="$BENCH_ACTION"
  action_build="given binary $action"
else
  echo "Publishing the action (Native AOT, as the released image does) ..."
  dotnet publish actions/docker-cleanup/DockerCleanup.csproj -c Release --use-current-runtime -p:TailpastePublish=aot -p:TAILPASTE_IMAGE_BUILD=true \
    -o "$work/action" -nologo -v q >"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; exit 1; }
  action="$work/action/docker-cleanup"
  action_build="Native AOT, as in the released image"
fi
[[ -x "$action" ]] || { echo "error: no action binary at $action" >&2; exit 1; }
[[ -f "$(dirname "$action")/docker-cleanup.dll" ]] && action_build="$action_build (framework-dependent: a docker-cleanup.dll sits beside it)"

# The base every container is created from: FROM scratch with one tiny file. It carries the bench label
# but not the selector, so neither side removes it; the trap does.
mkdir -p "$work/base"
printf 'base\n' >"$work/base/f"
printf 'FROM scratch\nCOPY f /f\nLABEL %s\n' "$bench_label" >"$work/base/Dockerfile"
base_tag="tailpaste-bench/cleanup-base:$bench_id"
# The legacy builder (Debian's docker.io has no buildx) warns on every build; its output goes to a log.
docker build -q -t "$base_tag" "$work/base" >/dev/null 2>>"$work/build.log" || { cat "$work/build.log" >&2; exit 1; }

# One population: $containers created-not-started containers (no network), $volumes volumes and $images
# distinct images (FROM scratch, a tiny file of their own, the labels), all labelled with the selector
# environment=testing, managed-by=ci and the population's own label.
populate() {
  local side="$1" i dir
  local -a labels=(--label environment=testing --label managed-by=ci --label "$bench_label" --label "tailpaste.bench-side=$side")
  # A build is tried twice: the legacy builder's intermediate images are dangling until the build ends, and
  # another user's `docker image prune` on the shared engine can remove one mid-build ("unable to find image").
  # shellcheck disable=SC2016 # the inner sh expands $1, $BENCH_ID and $BUILD_LOG
  for ((i = 0; i < images; i++)); do
    dir="$work/$side-image-$i"
    mkdir -p "$dir"
    printf '%s %s %s\n' "$bench_id" "$side" "$i" >"$dir/f"
    printf 'FROM scratch\nCOPY f /f\nLABEL environment=testing managed-by=ci %s tailpaste.bench-side=%s\n' "$bench_label" "$side" >"$dir/Dockerfile"
    printf '%s\n' "$dir"
  done | BENCH_ID="$bench_id" BUILD_LOG="$work/build.log" xargs -P 4 -n 1 sh -c \
    'build() { docker build -q -t "tailpaste-bench/cleanup-$(basename "$1"):$BENCH_ID" "$1" >/dev/null 2>>"$BUILD_LOG"; }
     build "$1" || build "$1"' sh \
    || { cat "$work/build.log" >&2; exit 1; }
  seq "$volumes" | xargs -P 8 -I{} docker volume create "${labels[@]}" "bench-$bench_id-$side-{}" >/dev/null
  seq "$containers" | xargs -P 8 -I{} docker create --network none "${labels[@]}" --name "bench-$bench_id-$side-{}" "$base_tag" /f >/dev/null
}

# How many resources of one side still exist: must be 0 after a cleanup, and the population size before.
count() {
  local side="$1"
  local filter=(--filter "label=$bench_label" --filter "label=tailpaste.bench-side=$side")
  echo $(($(docker ps -aq "${filter[@]}" | wc -l) + $(docker volume ls -q "${filter[@]}" | wc -l) + $(docker images -q "${filter[@]}" | sort -u | wc -l)))
}

expected=$((containers + volumes + images))

# CPU seconds (user + system, in clock ticks) of the engine's daemons so far: dockerd and containerd do the
# removals. Other users of the shared engine add to it, so it is an upper bound for each side.
clk="$(getconf CLK_TCK)"
engine_cpu() {
  local pid total=0
  for pid in $(pgrep -x dockerd) $(pgrep -x containerd); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
now() { date +%s.%N; }

check_population() {
  local side="$1" have
  have="$(count "$side")"
  [[ "$have" == "$expected" ]] || { echo "error: population $side has $have resources, expected $expected" >&2; exit 1; }
}

check_empty() {
  local side="$1" left
  left="$(count "$side")"
  [[ "$left" == 0 ]] || { echo "error: $left resources of population $side were not removed" >&2; exit 1; }
}

# Waits for the load of making a population (eight docker CLIs at once) to settle, so each side starts alike.
settle() { sleep "${BENCH_SETTLE_SECONDS:-10}"; }

# Machine-wide busy CPU seconds so far (all cores, everything but idle and iowait): the engine's work
# includes the kernel's (unlinks, fsyncs), which no process's own CPU time shows.
machine_busy() { awk '/^cpu / {printf "%d", $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }

# Runs one timed removal: name, then the command. Sets wall, client_cpu, engine_seconds, machine_seconds.
measure() {
  local name="$1" engine_before machine_before start end
  shift
  engine_before="$(engine_cpu)"
  machine_before="$(machine_busy)"
  start="$(now)"
  /usr/bin/time -f '%U %S' -o "$work/$name.cpu" "$@" >"$work/$name.log" 2>&1 || { cat "$work/$name.log" >&2; exit 1; }
  end="$(now)"
  wall="$(python3 -c "print(f'{$end - $start:.2f}')")"
  client_cpu="$(awk '{printf "%.2f", $1 + $2}' "$work/$name.cpu")"
  engine_seconds="$(python3 -c "print(f'{($(engine_cpu) - $engine_before) / $clk:.2f}')")"
  machine_seconds="$(python3 -c "print(f'{($(machine_busy) - $machine_before) / $clk:.2f}')")"
}

# The seed's pipeline, on the filters given as arguments.
# shellcheck disable=SC2016 # the inner shell expands "$@" (the filters) and $bench_label
shell_pipeline='
  docker ps -a "$@" -q | xargs -r docker rm -f
  docker images "$@" -q | xargs -r docker rmi -f
  docker volume ls "$@" -q | xargs -r docker volume rm -f
  docker image prune -f --filter "label=$bench_label"
  docker container prune -f --filter "label=$bench_label"
  true # the seed ends in `|| true`
'

# The engine's floor: IDs listed beforehand, the three kinds removed at once by docker CLIs.
# shellcheck disable=SC2016 # the inner shell expands the lists
floor_removal='
  xargs -r docker rm -f <"$1" &
  xargs -r docker rmi -f <"$2" &
  xargs -r docker volume rm -f <"$3" &
  wait
'
export bench_label
summary=() baselines=()
for ((round = 1; round <= rounds; round++)); do
  a="a$round" b="b$round" c="c$round"

  echo "Round $round: population $a ($containers containers, $volumes volumes, $images images) for the action ..."
  populate "$a"
  check_population "$a"
  settle
  measure "ours-$round" "$action" --labels "environment=testing,managed-by=ci,$bench_label,tailpaste.bench-side=$a" --prune-dangling=false --export "$work/report-$round.json"
  ours="$wall" ours_cpu="$client_cpu" ours_engine_cpu="$engine_seconds" ours_machine_cpu="$machine_seconds"
  check_empty "$a"

  echo "Round $round: population $b for the shell pipeline ..."
  populate "$b"
  check_population "$b"
  settle
  measure "shell-$round" bash -c "$shell_pipeline" shell --filter label=environment=testing --filter label=managed-by=ci --filter "label=$bench_label" --filter "label=tailpaste.bench-side=$b"
  shell="$wall" shell_cpu="$client_cpu" shell_engine_cpu="$engine_seconds" shell_machine_cpu="$machine_seconds"
  check_empty "$b"

  echo "Round $round: population $c for the engine's floor ..."
  populate "$c"
  check_population "$c"
  filter=(--filter "label=$bench_label" --filter "label=tailpaste.bench-side=$c")
  docker ps -aq "${filter[@]}" >"$work/$c.containers"
  docker images -q "${filter[@]}" | sort -u >"$work/$c.images"
  docker volume ls -q "${filter[@]}" >"$work/$c.volumes"
  settle
  measure "floor-$round" bash -c "$floor_removal" floor "$work/$c.containers" "$work/$c.images" "$work/$c.volumes"
  floor="$wall" floor_cpu="$client_cpu" floor_engine_cpu="$engine_seconds" floor_machine_cpu="$machine_seconds"
  check_empty "$c"

  if [[ -n "${BENCH_BASELINE:-}" ]]; then
    d="d$round"
    echo "Round $round: population $d for the baseline build ($BENCH_BASELINE) ..."
    populate "$d"
    check_population "$d"
    settle
    measure "baseline-$round" "$BENCH_BASELINE" --labels "environment=testing,managed-by=ci,$bench_label,tailpaste.bench-side=$d" --prune-dangling=false --export "$work/baseline-report-$round.json"
    echo "  baseline build: ${wall} s wall, ${client_cpu} s CPU in the client, ${engine_seconds} s in dockerd+containerd, ${machine_seconds} s machine-wide"
    baselines+=("$round $wall $client_cpu $ours $ours_cpu")
    check_empty "$d"
  fi

  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  ratio="$(python3 -c "print(f'{$ours / $shell:.2f}')")"
  floor_ratio="$(python3 -c "print(f'{$floor / $shell:.2f}')")"
  ours_floor="$(python3 -c "print(f'{$ours / $floor:.2f}')")"
  echo
  echo "round $round: $(nproc) cores, load average $load (shared with other users of the engine)"
  echo "  docker-cleanup ($action_build):  ${ours} s wall, ${ours_cpu} s CPU in the client, ${ours_engine_cpu} s in dockerd+containerd, ${ours_machine_cpu} s machine-wide"
  echo "  shell pipeline (docker CLI):  ${shell} s wall, ${shell_cpu} s CPU in the clients, ${shell_engine_cpu} s in dockerd+containerd, ${shell_machine_cpu} s machine-wide"
  echo "  engine floor (3 CLIs at once): ${floor} s wall, ${floor_cpu} s CPU in the clients, ${floor_engine_cpu} s in dockerd+containerd, ${floor_machine_cpu} s machine-wide"
  echo "  ours/shell ${ratio} (target < 1.0); ours/floor ${ours_floor} (target <= 1.2); floor/shell ${floor_ratio}; client CPU ours ${ours_cpu} s vs floor CLIs ${floor_cpu} s (target <=)"
  echo
  summary+=("$round ${load// /,} $ours $ours_cpu $shell $shell_cpu $floor $floor_cpu $ratio $ours_floor $floor_ratio $ours_engine_cpu/$shell_engine_cpu/$floor_engine_cpu $ours_machine_cpu/$shell_machine_cpu/$floor_machine_cpu")
done

echo "docker-cleanup: $action_build; $containers containers, $volumes volumes, $images images per population; $rounds round(s)"
echo "| round | load avg (1/5/15 min) | ours wall | ours client CPU | shell wall | shell clients CPU | floor wall | floor clients CPU | ours/shell | ours/floor | floor/shell | engine CPU ours/shell/floor | machine CPU ours/shell/floor |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for line in "${summary[@]}"; do
  read -r round load ours ours_cpu shell shell_cpu floor floor_cpu ratio ours_floor floor_ratio engine machine <<<"$line"
  echo "| $round | ${load//,/ } | $ours s | $ours_cpu s | $shell s | $shell_cpu s | $floor s | $floor_cpu s | $ratio | $ours_floor | $floor_ratio | $engine s | $machine s |"
done
if ((${#baselines[@]} > 0)); then
  echo "| round | baseline build wall | baseline client CPU | this build wall | this build client CPU |"
  echo "| --- | --- | --- | --- | --- |"
  for line in "${baselines[@]}"; do
    read -r round base_wall base_cpu ours ours_cpu <<<"$line"
    echo "| $round | $base_wall s | $base_cpu s | $ours s | $ours_cpu s |"
  done
fi
# Medians over the rounds, and the three targets of issue 16 judged on them.
printf '%s\n' "${summary[@]}" | python3 -c '
import statistics, sys
rows = [line.split() for line in sys.stdin if line.strip()]
col = lambda i: statistics.median(float(r[i]) for r in rows)
ours, ours_cpu, shell, floor, floor_cpu = col(2), col(3), col(4), col(6), col(7)
ratio, ours_floor = col(8), col(9)
verdict = lambda ok: "met" if ok else "missed"
print(f"medians over {len(rows)} round(s): ours {ours:.2f} s, shell {shell:.2f} s, floor {floor:.2f} s; "
      f"ours/shell {ratio:.2f} (target < 1.0: {verdict(ratio < 1.0)}); ours/floor {ours_floor:.2f} (target <= 1.2: {verdict(ours_floor <= 1.2)}); "
      f"client CPU ours {ours_cpu:.2f} s vs floor CLIs {floor_cpu:.2f} s (target <=: {verdict(ours_cpu <= floor_cpu)})")
'
