#!/usr/bin/env bash
# Finds or starts the Docker engine the tests and the demo use.
#
#   eng/docker-engine.sh start    use the engine DOCKER_HOST (or the default socket) points at
#                                 when it answers; otherwise start a private dockerd; print
#                                 `export DOCKER_HOST=...`
#   eng/docker-engine.sh env      print `export DOCKER_HOST=...` for the engine that answers
#   eng/docker-engine.sh status   say which engine answers and its version (exit 1 when none)
#   eng/docker-engine.sh stop     stop the private dockerd this script started (never another one)
#
# Typical use:  eval "$(eng/docker-engine.sh start)"
#
# Environment:
#   TAILPASTE_DOCKER_STATE           state dir of the private engine (default /tmp/tailpaste-docker)
#   TAILPASTE_DOCKER_STORAGE_DRIVER  force a storage driver (default: overlay2, then fuse-overlayfs, then vfs)
#   TAILPASTE_DOCKER_START_SECONDS   how long to wait for a new dockerd to answer (default 60)
#   TAILPASTE_VERBOSE=1              progress on stderr
set -euo pipefail

# shellcheck source=eng/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

readonly DEFAULT_HOST="unix:///var/run/docker.sock"
readonly START_SECONDS="${TAILPASTE_DOCKER_START_SECONDS:-60}"

state="$TAILPASTE_DOCKER_STATE"
socket="$(private_socket)"
private_host="unix://$socket"
pidfile="$state/dockerd.pid"
logfile="$state/dockerd.log"
driver_file="$state/storage-driver"

usage() {
  sed -n '2,17s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
  exit 2
}

# Prints the DOCKER_HOST of the first engine that answers: the one DOCKER_HOST
# names, the default socket, then our private one. Prints nothing when none does.
find_engine() {
  local candidate
  for candidate in "${DOCKER_HOST:-}" "$DEFAULT_HOST" "$private_host"; do
    if [[ -n "$candidate" ]] && engine_answers "$candidate"; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 0
}

private_pid() {
  local pid
  [[ -s "$pidfile" ]] || return 1
  pid="$(<"$pidfile")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  # Only a dockerd counts: the pid may have been reused after a crash.
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "dockerd" ]] || return 1
  printf '%s\n' "$pid"
}

dockerd_flags() {
  local driver="$1"
  local flags=(
    --host "$private_host"
    --data-root "$state/data"
    --exec-root "$state/exec"
    --pidfile "$pidfile"
    --storage-driver "$driver"
    # No bridge, no NAT, no forwarding: containers use --network host or none,
    # and the engine leaves the machine's firewall and sysctls alone.
    --bridge=none
    --iptables=false
    --ip-forward=false
    --ip-masq=false
    --userland-proxy=false
  )
  if dockerd --help 2>&1 | grep -q -- '--ip6tables'; then
    flags+=(--ip6tables=false)
  fi
  printf '%s\n' "${flags[@]}"
}

# Starts dockerd with one storage driver; true when it answers in time.
try_start() {
  local driver="$1" flags pid waited=0
  mapfile -t flags < <(dockerd_flags "$driver")
  info "starting dockerd with storage driver $driver"
  printf '\n=== %s: dockerd --storage-driver %s\n' "$(date -u +%FT%TZ)" "$driver" >>"$logfile"
  # setsid + closed fds: the engine outlives this script and never holds the
  # caller's pipes (a test process waiting for our output would hang otherwise).
  setsid dockerd "${flags[@]}" </dev/null >>"$logfile" 2>&1 9>&- &
  pid=$!
  while ((waited < START_SECONDS * 4)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      return 1
    fi
    if engine_answers "$private_host"; then
      printf '%s\n' "$driver" >"$driver_file"
      return 0
    fi
    sleep 0.25
    waited=$((waited + 1))
  done
  kill "$pid" 2>/dev/null || true
  return 1
}

storage_drivers() {
  if [[ -n "${TAILPASTE_DOCKER_STORAGE_DRIVER:-}" ]]; then
    printf '%s\n' "$TAILPASTE_DOCKER_STORAGE_DRIVER"
  elif [[ -s "$driver_file" ]]; then
    # The data root is laid out per driver: keep the one that worked before.
    cat "$driver_file"
  else
    printf '%s\n' overlay2
    if command -v fuse-overlayfs >/dev/null 2>&1 && [[ -e /dev/fuse ]]; then
      printf '%s\n' fuse-overlayfs
    fi
    printf '%s\n' vfs
  fi
}

start_private() {
  local driver
  [[ "$(id -u)" == "0" ]] ||
    die "no Docker engine answers (DOCKER_HOST=${DOCKER_HOST:-unset}, $DEFAULT_HOST) and starting a private one needs root"
  ensure_packages dockerd:docker.io docker:docker.io
  mkdir -p "$state"
  if private_pid >/dev/null; then
    # Running but not answering (yet): give it the start time, then give up.
    local waited=0
    while ((waited < START_SECONDS * 4)); do
      engine_answers "$private_host" && return 0
      sleep 0.25
      waited=$((waited + 1))
    done
    die "the private dockerd (pid $(private_pid)) does not answer on $socket; see $logfile or run '$0 stop'"
  fi
  rm -f "$socket" "$pidfile"
  while read -r driver; do
    if try_start "$driver"; then
      return 0
    fi
    info "storage driver $driver did not work"
    rm -f "$socket" "$pidfile"
  done < <(storage_drivers)
  printf '%s: error: dockerd did not start; last lines of %s:\n' "${0##*/}" "$logfile" >&2
  tail -n 15 "$logfile" >&2
  exit 1
}

cmd_start() {
  local host
  take_lock "$state.lock"
  if [[ -n "${DOCKER_HOST:-}" && "$DOCKER_HOST" != "$private_host" ]] && ! engine_answers "$DOCKER_HOST"; then
    warn "DOCKER_HOST=$DOCKER_HOST does not answer; using a private engine instead"
  fi
  host="$(find_engine)"
  if [[ -z "$host" ]]; then
    start_private
    host="$private_host"
  fi
  printf 'export DOCKER_HOST=%s\n' "$host"
}

cmd_env() {
  local host
  host="$(find_engine)"
  [[ -n "$host" ]] ||
    die "no Docker engine answers (DOCKER_HOST=${DOCKER_HOST:-unset}, $DEFAULT_HOST, $private_host); run '$0 start'"
  printf 'export DOCKER_HOST=%s\n' "$host"
}

cmd_status() {
  local host version driver
  host="$(find_engine)"
  if [[ -z "$host" ]]; then
    echo "no Docker engine answers"
    return 1
  fi
  version="$(timeout "$TAILPASTE_DOCKER_PROBE_SECONDS" docker --host "$host" version --format '{{.Server.Version}}')"
  driver="$(timeout "$TAILPASTE_DOCKER_PROBE_SECONDS" docker --host "$host" info --format '{{.Driver}}')"
  if [[ "$host" == "$private_host" ]]; then
    echo "private engine: $host (dockerd $version, pid $(private_pid || echo '?'), storage $driver, state $state)"
  else
    echo "engine: $host (dockerd $version, storage $driver)"
  fi
}

cmd_stop() {
  local pid waited=0
  take_lock "$state.lock"
  if ! pid="$(private_pid)"; then
    info "no private engine runs under $state"
    rm -f "$socket"
    return 0
  fi
  kill -TERM "$pid"
  # dockerd stops its containers (10 s grace) and its containerd first.
  while kill -0 "$pid" 2>/dev/null && ((waited < 120)); do
    sleep 0.25
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "dockerd (pid $pid) ignored SIGTERM for 30 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$socket" "$pidfile"
}

case "${1:-}" in
  start) cmd_start ;;
  env) cmd_env ;;
  status) cmd_status ;;
  stop) cmd_stop ;;
  -h | --help | help) usage ;;
  *)
    printf '%s: error: unknown command "%s"; expected start, env, status or stop\n' "${0##*/}" "${1:-}" >&2
    exit 2
    ;;
esac
