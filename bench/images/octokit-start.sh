#!/usr/bin/env bash
# Benchmark: start-to-exit of the two actions that call GitHub through Octokit (health-check, release-artifacts),
# for JIT, ReadyToRun and Native AOT builds of the same code, as host processes: the median of BENCH_ROUNDS
# with the load average beside each figure, timed as the start section of bench/images/run.sh times
# docker-cleanup. Not part of bench/run.sh (issue 16's AOT decision for these two; see their READMEs, "Image").
#
# A trivial run that still goes through Octokit, to a stand-in of the GitHub API on 127.0.0.1 (python3):
#   health-check       checks: service against a closed port (unhealthy at once), recovery dispatch on the first
#                      unhealthy run: one POST …/actions/workflows/deploy.yml/dispatches with a JSON body, answered
#                      204 (a fresh history each round, so no cooldown holds it back). Exit 1 (unhealthy).
#   release-artifacts  steps: publish of a one-commit repository tagged v1.0.0: GET …/releases/tags/v1.0.0 answered
#                      401 Bad credentials, which Octokit reads into its error. Exit 1.
# Before timing, one run of each build is checked: the request reached the stand-in and the run ended as expected.
#
#   bash bench/images/octokit-start.sh
#
# Builds: JIT = framework-dependent IL (the runner-built image's build, TailpastePublish=jit); ReadyToRun = a host
# publish for this runtime with PublishReadyToRun (what these two were released as); Native AOT = the binary of
# the released image (eng/release-images.sh), copied out of it.
# Environment: BENCH_ROUNDS (7), TAILPASTE_IMAGE_TAG (the images' tag, default dev).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# shellcheck source=eng/lib/common.sh
source eng/lib/common.sh

rounds="${BENCH_ROUNDS:-7}"
eval "$(eng/docker-engine.sh start)"
export DOCKER_HOST
work="$(mktemp -d)"
fake_pid=""
released=()
# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
  if [[ -n "$fake_pid" ]]; then kill "$fake_pid" 2>/dev/null || true; fi
  for image in "${released[@]}"; do docker image rm "$image" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT

load() { cut -d' ' -f1 /proc/loadavg; }
say() { printf '%-8s %-52s %s   (load %s)\n' "$1" "$2" "$3" "$(load)"; }
seconds_of() { local start=$EPOCHREALTIME; "$@" >/dev/null 2>&1 || true; awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
median_of() { local i; for ((i = 0; i < rounds; i++)); do seconds_of "$@"; echo; done | median; }

printf 'machine: %s cores, %s, %s; date %s UTC\n' "$(nproc)" "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)" \
  "$(. /etc/os-release && echo "$PRETTY_NAME")" "$(date -u '+%Y-%m-%d %H:%M')"

actions=(health-check release-artifacts)

# --- the three builds of each action
for action in "${actions[@]}"; do
  for build in jit r2r; do
    properties=(-p:TailpastePublish=jit)
    if [[ "$build" == r2r ]]; then properties=(-p:PublishReadyToRun=true); fi
    TAILPASTE_ARTIFACTS="$work/artifacts-$build" TAILPASTE_IMAGE_BUILD=true dotnet publish "actions/$action" -c Release \
      --use-current-runtime --self-contained false "${properties[@]}" -o "$work/$build/$action" -nologo -v q >"$work/publish.log" 2>&1 ||
      { cat "$work/publish.log" >&2; exit 1; }
  done
done
mapfile -t released < <(eng/release-images.sh --registry bench.invalid --owner "tailpaste-$TAILPASTE_IMAGE_TAG" --version 0.0.0 "${actions[@]}")
for image in "${released[@]}"; do
  action="${image##*/tailpaste-}"
  action="${action%%:*}"
  id="$(docker create "$image" "$action")"
  mkdir -p "$work/aot"
  docker cp "$id:/app/$action" "$work/aot/$action" >/dev/null
  docker rm "$id" >/dev/null
done
command_of() { # build action → the command that starts it
  case "$1" in
    aot) printf '%s\n' "$work/aot/$2/$2" ;;
    *) printf '%s\n' dotnet "$work/$1/$2/$2.dll" ;;
  esac
}

# --- the GitHub API stand-in: POST → 204, anything else → 401 Bad credentials; every request line to a log
cat >"$work/fake.py" <<'PY'
import http.server, sys
log = open(sys.argv[1], "a", buffering=1)
class Handler(http.server.BaseHTTPRequestHandler):
    def answer(self, status, body=b""):
        self.send_response(status)
        if body:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        log.write(f"POST {self.path}\n")
        self.answer(204)
    def do_GET(self):
        log.write(f"GET {self.path}\n")
        self.answer(401, b'{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}')
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
PY
coproc FAKE { python3 "$work/fake.py" "$work/requests.log"; }
# shellcheck disable=SC2153 # FAKE_PID is set by coproc
fake_pid=$FAKE_PID
read -r port <&"${FAKE[0]}"
api="http://127.0.0.1:$port"
closed_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

# A one-commit repository with its tag, for release-artifacts.
repository="$work/repository"
git init -q "$repository"
git -C "$repository" -c user.name=bench -c user.email=bench@example.invalid commit -q --allow-empty -m "feat: first"
git -C "$repository" tag v1.0.0

export GITHUB_ACTIONS=true GITHUB_OUTPUT="$work/output" GITHUB_STEP_SUMMARY="$work/summary"
# The runner's input variables (dashes kept), through env(1): bash cannot export such names.
health_inputs=("INPUT_CHECKS=service" "INPUT_SERVICE-URL=http://127.0.0.1:$closed_port" "INPUT_ATTEMPTS=1" "INPUT_RESPONSE-TIMEOUT=2"
  "INPUT_HISTORY-PATH=$work/history.db" "INPUT_RECOVER=true" "INPUT_RECOVER-AFTER=1" "INPUT_RECOVER-WORKFLOW=deploy.yml"
  "INPUT_RECOVER-REF=main" "INPUT_RECOVER-INPUTS=reason=bench" "INPUT_REPOSITORY=octo/tailpaste" "INPUT_GITHUB-TOKEN=ghs_bench"
  "INPUT_GITHUB-API-URL=$api" "INPUT_REPORT-PATH=$work/health-report.json")
release_inputs=("INPUT_VERSION=v1.0.0" "INPUT_STEPS=publish" "INPUT_REPOSITORY-PATH=$repository" "INPUT_OUTPUT-DIR=$work/dist"
  "INPUT_REPOSITORY=octo/tailpaste" "INPUT_GITHUB-TOKEN=ghs_bench" "INPUT_GITHUB-API-URL=$api" "INPUT_REPORT-PATH=$work/release-report.json")
# shellcheck disable=SC2317 # both are called by name, as "run_${action//-/_}"
run_health_check() { rm -f "$work/history.db"* "$GITHUB_OUTPUT"; env "${health_inputs[@]}" "$@"; }
# shellcheck disable=SC2317
run_release_artifacts() { rm -rf "$work/dist" "$GITHUB_OUTPUT"; env "${release_inputs[@]}" "$@"; }

# --- one checked run of each build: the request reached the stand-in and the run ended as expected
check() { # build action
  local build="$1" action="$2" status=0 expected
  : >"$work/requests.log"
  mapfile -t command < <(command_of "$build" "$action")
  "run_${action//-/_}" "${command[@]}" >"$work/run.log" 2>&1 || status=$?
  case "$action" in
    health-check) expected="POST /repos/octo/tailpaste/actions/workflows/deploy.yml/dispatches" ;;
    release-artifacts) expected="GET /repos/octo/tailpaste/releases/tags/v1.0.0" ;;
  esac
  if [[ "$status" != 1 ]] || ! grep -qxF "$expected" "$work/requests.log" ||
    { [[ "$action" == health-check ]] && ! grep -A1 '^recovery-dispatched<<' "$GITHUB_OUTPUT" | grep -qx true; } ||
    { [[ "$action" == release-artifacts ]] && ! grep -q 'Bad credentials' "$work/run.log"; }; then
    say check "$action ($build)" "FAILED: exit $status; requests: $(tr '\n' ' ' <"$work/requests.log"); output: $(tail -c 600 "$work/run.log" | tr '\n' ' ')"
    return 1
  fi
  say check "$action ($build)" "ok: exit 1 as expected, the stand-in saw \"$expected\""
}
failed=0
for action in "${actions[@]}"; do
  for build in jit r2r aot; do check "$build" "$action" || failed=1; done
done

# --- start-to-exit
declare -A names=([jit]="JIT (runner-built image's build)" [r2r]="ReadyToRun" [aot]="Native AOT (released image's binary)")
for action in "${actions[@]}"; do
  for build in jit r2r aot; do
    mapfile -t command < <(command_of "$build" "$action")
    say start "$action: ${names[$build]}" "$(median_of "run_${action//-/_}" "${command[@]}") s median of $rounds"
  done
done
exit "$failed"
