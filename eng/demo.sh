#!/usr/bin/env bash
# The demo (README's first Quick start command): the private engine up, the sample paste service up as a
# container, then every action run against it as a CLI, each one's outputs and step summary printed.
# Everything it creates carries the labels environment=testing, managed-by=ci and tailpaste.demo=<run>,
# and the last step removes exactly those with the docker-cleanup action itself.
#
# Environment:
#   DEMO_PORT   the port the sample service listens on, on the host network (default 18080)
#   DEMO_KEEP=1 leave the sample service running at the end (remove it later with docker-cleanup)
set -euo pipefail

# shellcheck source=eng/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

root="$(repo_root)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

port="${DEMO_PORT:-18080}"
if ! [[ "$port" =~ ^[0-9]+$ ]] || ((port < 1 || port > 65535)); then
  die "DEMO_PORT=\"$port\" is not valid: expected a TCP port number from 1 to 65535"
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  die "port $port on 127.0.0.1 is already taken; choose another with DEMO_PORT=<port>"
fi

run_id="demo-$(date -u +%Y%m%d%H%M%S)-$$"
container="tailpaste-$run_id"
volume="tailpaste-data-$run_id"
work="$(mktemp -d)"
labels=(--label environment=testing --label managed-by=ci --label "tailpaste.demo=$run_id")

broken=()
finished=0

# A demo that stops half-way still removes its container and volume (unless asked to keep them).
remove_leftovers() {
  if ((finished == 0)) && [[ "${DEMO_KEEP:-0}" != "1" ]] && command -v docker >/dev/null 2>&1; then
    docker rm -f "$container" >/dev/null 2>&1 || true
    docker volume rm "$volume" >/dev/null 2>&1 || true
  fi
}
trap remove_leftovers EXIT

heading() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# Runs one action the way the runner runs a step: GITHUB_ACTIONS=true, its outputs and step summary going to
# files of their own, which are printed afterwards. Exit code 1 (the checked thing failed) is shown and the
# demo goes on; anything else (bad usage, a crash) fails the demo at the end.
run_action() {
  local name="$1"
  shift
  local summary="$work/$name-summary.md" outputs="$work/$name-outputs"
  : >"$summary"
  : >"$outputs"
  heading "actions/$name $*"
  local status=0
  GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY="$summary" GITHUB_OUTPUT="$outputs" \
    dotnet "$root/artifacts/demo/$name/$name.dll" "$@" || status=$?
  printf -- '-- exit code %s; outputs (%s):\n' "$status" "$outputs"
  # The runner's heredoc form (name<<delimiter ... delimiter), shown as name=value.
  awk 'delim == "" && /<</ { i = index($0, "<<"); name = substr($0, 1, i - 1); delim = substr($0, i + 2); value = ""; n = 0; next }
       delim != "" && $0 == delim { printf "%s=%s\n", name, value; delim = ""; next }
       delim != "" { value = (n++ ? value "\\n" : "") $0 }' "$outputs"
  printf -- '-- step summary (%s):\n' "$summary"
  cat "$summary"
  if ((status > 1)); then broken+=("$name (exit $status)"); fi
}

heading "Docker engine"
bash eng/require-tools.sh
eval "$(bash eng/docker-engine.sh start)"
export DOCKER_HOST
echo "DOCKER_HOST=$DOCKER_HOST"

heading "Images (stand-in bases and the sample service)"
bash eng/base-images.sh
bash eng/sample-image.sh
docker image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep -E 'tailpaste|dotnet' || true

heading "Building the actions"
for project in actions/*/*.csproj; do
  name="$(basename "$(dirname "$project")")"
  dotnet publish "$project" -c Release --nologo -v quiet -o "artifacts/demo/$name"
done

heading "Sample service on 127.0.0.1:$port (container $container)"
docker volume create "${labels[@]}" "$volume" >/dev/null
docker run -d --name "$container" --network host "${labels[@]}" \
  -e "LISTEN_PORT=$port" -e STORAGE_PATH=/data -e APP_VERSION=demo \
  -v "$volume:/data" "tailpaste/paste-service:${TAILPASTE_IMAGE_TAG:-dev}" >/dev/null
ready=0
for _ in $(seq 1 60); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then ready=1; break; fi
  sleep 0.5
done
((ready)) || { docker logs "$container" >&2 || true; die "the sample service did not listen on port $port within 30 s"; }
echo "listening; data in volume $volume"

run_action health-check \
  --service-url "http://127.0.0.1:$port" --container-name "$container" \
  --history-path "$work/health-history.db" --report-path "$work/health-report.json"

run_action validate-workflows --root "$root"

# release-artifacts works on a clone with a demo tag, so this repository's own tags are never touched.
git clone --quiet "$root" "$work/repo"
git -C "$work/repo" -c user.name=demo -c user.email=demo@localhost tag -a v0.1.0-demo -m "demo release"
run_action release-artifacts \
  --version v0.1.0-demo --steps validate,changelog,archive,checksums,installer \
  --repository-path "$work/repo" --output-dir "$work/dist"
if [[ -f "$work/dist/SHA256SUMS" ]]; then
  (cd "$work/dist" && sha256sum -c SHA256SUMS)
fi

run_action docker-cleanup --labels "tailpaste.demo=$run_id" --prune-dangling=false --dry-run \
  --report-path "$work/cleanup-dry-run.json"
if [[ "${DEMO_KEEP:-0}" == "1" ]]; then
  echo "DEMO_KEEP=1: $container keeps running on port $port"
else
  run_action docker-cleanup --labels "tailpaste.demo=$run_id" --prune-dangling=false \
    --report-path "$work/cleanup.json"
fi

finished=1
heading "Done"
echo "reports and summaries: $work"
if ((${#broken[@]} > 0)); then
  die "these actions did not run cleanly: ${broken[*]}"
fi
