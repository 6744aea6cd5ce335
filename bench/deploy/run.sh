#!/usr/bin/env bash
# Benchmark: a blue-green deploy of the sample service with actions/deploy against docker-rollout's method — scale
# to two, wait until the new container is healthy, remove the old (a script of docker CLI calls, with nginx in front
# as nginx-proxy would be, regenerating its upstream and reloading) — under the same client load on the same engine.
#
#   bash bench/deploy/run.sh          (BENCH_KEEP=1 keeps the client logs and reports)
#
# Prints, for each: deploy time (start to the old version removed), time to the cut-over, failed requests and
# the p99 latency of the requests that ended within 5 s of the cut-over; then, for this action only (the script
# has no such thing), the time from a bad version's first failed request to the previous version serving again
# and the verify window's own decision time. Targets (issue 14): zero failed requests, deploy time within 1.2x of
# the script, rollback decided within 10 s of the threshold being crossed.
#
# The client is bench/deploy/client.py (BENCH_WORKERS threads, default 4, each GET / then BENCH_PAUSE s, default
# 0.02), the same for both. This action runs with verify-window BENCH_WINDOW (default 10s) and slo-duration
# BENCH_SLO (default 3s): both are deliberate waits that the script does not make; the deploy time is printed with
# and without them. Everything this script creates carries tailpaste.bench-run=<id> and is removed at the end.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
here="$root/bench/deploy"
window="${BENCH_WINDOW:-10s}"
slo="${BENCH_SLO:-3s}"
export TAILPASTE_IMAGE_TAG="${TAILPASTE_IMAGE_TAG:-dev}"

command -v dotnet >/dev/null 2>&1 || { echo "error: the .NET SDK (dotnet) is needed to build the action" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 || { echo "error: python3 is needed for the client" >&2; exit 2; }
bash eng/require-tools.sh
eval "$(bash eng/docker-engine.sh start)"
export DOCKER_HOST
sample="$(bash eng/sample-image.sh | tail -n 1)"
proxy="$(bash eng/proxy-image.sh | tail -n 1)"

id="$(python3 -c 'import uuid; print(uuid.uuid4().hex[:12])')"
label="tailpaste.bench-run=$id"
work="$(mktemp -d /tmp/deploy-bench.XXXXXX)"
ours="bench-ours-$id"
peer="bench-rollout-$id"

cleanup() {
  docker ps -aq --filter "label=$label" | xargs -r docker rm -f >/dev/null 2>&1 || true
  docker ps -aq --filter "name=$ours" --filter "name=$peer" | xargs -r docker rm -f >/dev/null 2>&1 || true
  docker images -q --filter "label=$label" | sort -u | xargs -r docker rmi -f >/dev/null 2>&1 || true
  docker volume ls -q --filter "label=$label" | xargs -r docker volume rm -f >/dev/null 2>&1 || true
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then echo "kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

read -r -a ports < <(python3 -c '
import socket
s = [socket.socket() for _ in range(8)]
for x in s: x.bind(("127.0.0.1", 0))
print(" ".join(str(x.getsockname()[1]) for x in s))')
now() { python3 -c 'import time; print(f"{time.time():.3f}")'; }
elapsed() { python3 -c "print(f'{$2 - $1:.1f}')"; }

image() { # name, changes...
  local name="$1" holder
  shift
  holder="$(docker create --label "$label" --entrypoint true "$sample")"
  local changes=(-c "LABEL $label" -c 'ENTRYPOINT ["dotnet", "PasteService.dll"]')
  for c in "$@"; do changes+=(-c "$c"); done
  docker commit "${changes[@]}" "$holder" "$name" >/dev/null
  docker rm -v "$holder" >/dev/null
}
image "tailpaste-bench/$id:1" "ENV APP_VERSION=1.0.0"
image "tailpaste-bench/$id:2" "ENV APP_VERSION=2.0.0"
image "tailpaste-bench/$id:bad" "ENV APP_VERSION=2.1.0" "ENV FAULT_ERROR_RATE=0.2" "ENV FAULT_ONSET_SECONDS=25"
for v in data deploy history peer-data; do docker volume create --label "$label" "$id-$v" >/dev/null; done

dotnet publish actions/deploy/Deploy.csproj -c Release --nologo -v quiet -o "$work/deploy" >/dev/null

client_start() { rm -f "$work/stop"; python3 "$here/client.py" "$1" "$2" "$work/stop" & client_pid=$!; }
client_stop() { touch "$work/stop"; wait "$client_pid"; }

deploy() { # image, report, extra args...
  local image="$1" report="$2"
  shift 2
  GITHUB_ACTIONS='' dotnet "$work/deploy/deploy.dll" --strategy blue-green --image "$image" --container-name "$ours" \
    --service-url "http://127.0.0.1:${ports[0]}" --preview-port "${ports[1]}" --slot-ports "${ports[2]},${ports[3]}" \
    --proxy-image "$proxy" --volumes "$id-data:/data" --labels "$label" --deploy-volume "$id-deploy" \
    --history-volume "$id-history" --allow-no-backup true --verify-window "$window" --slo-duration "$slo" \
    --rollback-verify-window 5s --report-path "$report" "$@" >"$report.log" 2>&1
}
field() { python3 -c "import json; print(json.load(open('$1'))$2)"; }
time_field() { python3 -c "import json,datetime; print(datetime.datetime.fromisoformat(json.load(open('$1'))$2.replace('Z','+00:00')).timestamp())"; }

echo "== this action (blue-green, verify-window $window, slo-duration $slo)"
deploy "tailpaste-bench/$id:1" "$work/ours-1.json" || { cat "$work/ours-1.json.log" >&2; exit 1; }
client_start "http://127.0.0.1:${ports[0]}/" "$work/ours.csv"
sleep 3
start="$(now)"
deploy "tailpaste-bench/$id:2" "$work/ours-2.json" || { cat "$work/ours-2.json.log" >&2; exit 1; }
end="$(now)"
sleep 3
client_stop
cutover="$(time_field "$work/ours-2.json" "['cutover_at']")"
ours_total="$(elapsed "$start" "$end")"
ours_cutover="$(elapsed "$start" "$cutover")"
ours_waits="$(python3 -c "import re; w='$window'; s='$slo'; f=lambda x: float(x[:-1]) if x.endswith('s') else float(x[:-1])*60; print(f(w)+f(s))")"
echo "deploy time ${ours_total} s (${ours_cutover} s to the cut-over; ${ours_waits} s of it are the verify window and the SLO probe)"
python3 "$here/analyse.py" "$work/ours.csv" "$cutover"

echo "== docker-rollout's method (scale to two, wait healthy, remove the old; nginx regenerated and reloaded)"
mkdir -p "$work/nginx"
upstream() { # ports...
  { printf 'upstream app {'; for p in "$@"; do printf ' server 127.0.0.1:%s;' "$p"; done; printf ' }\n'
    printf 'server { listen %s; location / { proxy_pass http://app; proxy_http_version 1.1; proxy_set_header Connection ""; } }\n' "${ports[4]}"; } >"$work/nginx/app.conf"
}
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid /tmp/bench-nginx.pid;
error_log stderr warn;
events { worker_connections 4096; }
http { access_log off; client_body_temp_path /tmp/b1; proxy_temp_path /tmp/b2; fastcgi_temp_path /tmp/b3; uwsgi_temp_path /tmp/b4; scgi_temp_path /tmp/b5; include /etc/bench/app.conf; }
CONF
run_app() { # name, image, port
  docker run -d --name "$1" --label "$label" --network host -v "$id-peer-data:/data" \
    -e LISTEN_ADDRESS=127.0.0.1 -e "LISTEN_PORT=$3" "$2" >/dev/null
}
wait_healthy() {
  until [[ "$(docker inspect --format '{{.State.Health.Status}}' "$1")" == healthy ]]; do sleep 0.5; done
}
run_app "$peer-1" "tailpaste-bench/$id:1" "${ports[5]}"
upstream "${ports[5]}"
docker run -d --name "$peer-proxy" --label "$label" --network host -v "$work/nginx:/etc/bench:ro" --entrypoint nginx "$proxy" \
  -c /etc/bench/nginx.conf -g 'daemon off;' >/dev/null
wait_healthy "$peer-1"
client_start "http://127.0.0.1:${ports[4]}/" "$work/peer.csv"
sleep 3
start="$(now)"
run_app "$peer-2" "tailpaste-bench/$id:2" "${ports[6]}"
wait_healthy "$peer-2"
upstream "${ports[5]}" "${ports[6]}"
docker exec "$peer-proxy" nginx -c /etc/bench/nginx.conf -s reload
cutover="$(now)"
docker stop "$peer-1" >/dev/null
docker rm "$peer-1" >/dev/null
upstream "${ports[6]}"
docker exec "$peer-proxy" nginx -c /etc/bench/nginx.conf -s reload
end="$(now)"
sleep 3
client_stop
peer_total="$(elapsed "$start" "$end")"
echo "deploy time ${peer_total} s ($(elapsed "$start" "$cutover") s to the cut-over: the new container in the upstream, the old one stopped)"
python3 "$here/analyse.py" "$work/peer.csv" "$cutover"
python3 -c "print(f'ratio (this action / script): {$ours_total / $peer_total:.2f}, without the verify window and SLO probe: {($ours_total - $ours_waits) / $peer_total:.2f}')"

echo "== this action: a bad version (20 % errors from 25 s after its start) rolled back"
client_start "http://127.0.0.1:${ports[0]}/" "$work/bad.csv"
sleep 2
deploy "tailpaste-bench/$id:bad" "$work/ours-bad.json" --verify-window 90s --log-errors-after-deploy 100000 || true
sleep 2
client_stop
back="$(time_field "$work/ours-bad.json" "['rolled_back_at']")"
python3 "$here/analyse.py" "$work/bad.csv" "$back" | tee "$work/bad.txt"
crossed="$(sed -nE 's/^threshold_crossed_at=([0-9.]+)$/\1/p' "$work/bad.txt")"
echo "reason: $(field "$work/ours-bad.json" "['rollback_reason']")"
echo "the client's error rate over 10 s passed 5 % to the previous version serving again: $(elapsed "$crossed" "$back") s; decided $(field "$work/ours-bad.json" "['verify']['decided_after_seconds']") s after the cut-over"
