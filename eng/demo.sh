#!/usr/bin/env bash
# The demo (README's first Quick start command): the private engine up, the sample paste service up as a
# container, then every action run against it as a CLI, each one's outputs and step summary printed.
# Everything it creates carries the labels environment=testing, managed-by=ci and tailpaste.demo=<run>,
# and the last step removes exactly those with the docker-cleanup action itself.
#
# Then the pipeline (issue 14's demo): the sample service deployed blue-green behind the deploy action's nginx
# proxy, a health check, a backup, a bad version (20 % errors once it is live) deployed and rolled back on its
# own, and the backup restored. The deploy action's containers carry environment=production, which
# docker-cleanup never removes, so the demo removes those itself (by its tailpaste.demo label).
#
# Environment:
#   DEMO_PORT   the port the sample service listens on, on the host network (default 18080); the pipeline
#               uses the four ports after it (users, preview, blue, green)
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
if ((port > 65531)); then
  die "DEMO_PORT=\"$port\" is not valid: the pipeline needs the four ports after it, so at most 65531"
fi
for p in "$port" $((port + 1)) $((port + 2)) $((port + 3)) $((port + 4)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    die "port $p on 127.0.0.1 is already taken; choose another with DEMO_PORT=<port> (it uses $port to $((port + 4)))"
  fi
done

run_id="demo-$(date -u +%Y%m%d%H%M%S)-$$"
container="tailpaste-$run_id"
volume="tailpaste-data-$run_id"
work="$(mktemp -d)"
labels=(--label environment=testing --label managed-by=ci --label "tailpaste.demo=$run_id")
# The pipeline's service (NAME-blue, NAME-green, NAME-proxy) and its volumes: data, deploy record, history, backups.
service="tailpaste-bg-$run_id"
pipeline_volumes=("$service-data" "$service-deploy" "$service-history" "$service-backups")

broken=()
finished=0

# A demo that stops half-way still removes its container and volume (unless asked to keep them).
remove_leftovers() {
  if ((finished == 0)) && [[ "${DEMO_KEEP:-0}" != "1" ]] && command -v docker >/dev/null 2>&1; then
    docker rm -f "$container" >/dev/null 2>&1 || true
    docker volume rm "$volume" >/dev/null 2>&1 || true
    remove_pipeline
  fi
}

# The deploy action's containers are production ones (docker-cleanup never removes them): removed here by the
# demo's label, with the pipeline's volumes and images.
remove_pipeline() {
  docker ps -aq --filter "label=tailpaste.demo=$run_id" --filter "label=managed-by=deploy" |
    xargs -r docker rm -f >/dev/null 2>&1 || true
  docker ps -aq --filter "label=tailpaste.deploy.service=$service" | xargs -r docker rm -f >/dev/null 2>&1 || true
  docker volume rm "${pipeline_volumes[@]}" >/dev/null 2>&1 || true
  docker images -q --filter "label=tailpaste.demo=$run_id" | sort -u | xargs -r docker rmi -f >/dev/null 2>&1 || true
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

heading "Pipeline: blue-green deploy, health check, backup, a bad version rolled back, restore"
# One output of the last run of an action (the runner's name<<delimiter form, or name=value).
output() {
  awk -v key="$1" 'delim != "" && $0 == delim { exit }
    delim != "" { print; next }
    index($0, key "<<") == 1 { delim = substr($0, length(key) + 3); next }
    index($0, key "=") == 1 { print substr($0, length(key) + 2); exit }' "$work/$2-outputs"
}
bash eng/action-image.sh
actions_image="tailpaste/actions:${TAILPASTE_IMAGE_TAG:-dev}"
# Two versions of the sample service: 1.0.0, and 1.1.0, which serves 20 % errors from 15 s after it starts
# (its fault switches), that is once it is live.
version_image() { # tag, changes...
  local tag="$1" holder
  shift
  holder="$(docker create "${labels[@]}" --entrypoint true "tailpaste/paste-service:${TAILPASTE_IMAGE_TAG:-dev}")"
  local changes=(-c "LABEL tailpaste.demo=$run_id" -c 'ENTRYPOINT ["dotnet", "PasteService.dll"]')
  for c in "$@"; do changes+=(-c "$c"); done
  docker commit "${changes[@]}" "$holder" "tailpaste-demo/$run_id:$tag" >/dev/null
  docker rm -v "$holder" >/dev/null
}
version_image 1.0.0 "ENV APP_VERSION=1.0.0"
version_image 1.1.0 "ENV APP_VERSION=1.1.0" "ENV FAULT_ERROR_RATE=0.2" "ENV FAULT_ONSET_SECONDS=15"
for v in "${pipeline_volumes[@]}"; do docker volume create "${labels[@]}" "$v" >/dev/null; done
users="http://127.0.0.1:$((port + 1))"
deploy_args=(--strategy blue-green --container-name "$service" --service-url "$users"
  --preview-port $((port + 2)) --slot-ports "$((port + 3)),$((port + 4))" --proxy-image "$(bash eng/proxy-image.sh | tail -n 1)"
  --volumes "$service-data:/data" --labels "tailpaste.demo=$run_id" --deploy-volume "$service-deploy"
  --history-volume "$service-history" --backup-volume "$service-backups" --slo-duration 3s
  --rollback-verify-window 10s --trigger manual)
backup_args=(--backup-volume "$service-backups" --helper-image "$actions_image" --service-url "$users"
  --container-labels "tailpaste.demo=$run_id")

run_action deploy "${deploy_args[@]}" --image "tailpaste-demo/$run_id:1.0.0" --allow-no-backup true \
  --verify-window 10s --report-path "$work/deploy-1.json"
live="$service-$(output live-slot deploy)"
echo "users reach $users; $live serves them"

run_action health-check --service-url "$users" --container-name "$live" \
  --history-volume "$service-history" --history-path history.db --report-path "$work/pipeline-health.json"

run_action backup-restore --mode backup --container-name "$live" "${backup_args[@]}" \
  --report-path "$work/backup.json"
backup_id="$(output backup-id backup-restore)"

# Users' traffic is the deploy's own probe through the proxy; the window stops at the first threshold crossed.
run_action deploy "${deploy_args[@]}" --image "tailpaste-demo/$run_id:1.1.0" --backup-id "$backup_id" \
  --verify-window 60s --report-path "$work/deploy-bad.json"
if [[ "$(output rolled-back deploy)" != true ]]; then
  broken+=("deploy of the bad version (not rolled back)")
fi
live="$service-$(output live-slot deploy)"

run_action backup-restore --mode restore --container-name "$live" --backup-id "$backup_id" "${backup_args[@]}" \
  --report-path "$work/restore.json"
if [[ "${DEMO_KEEP:-0}" == "1" ]]; then
  echo "DEMO_KEEP=1: $service keeps serving on $users"
else
  remove_pipeline
  echo "removed the pipeline's containers (production: docker-cleanup never touches them), volumes and images"
fi

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
