# shellcheck shell=bash
# Helpers shared by the eng/ scripts. Source it; do not run it.

# Where the private engine, its caches and the lock live. A fixed path so that
# repeated `start` calls (and parallel test assemblies) find the same engine.
TAILPASTE_DOCKER_STATE="${TAILPASTE_DOCKER_STATE:-/tmp/tailpaste-docker}"
# The tag of the images this checkout builds (tailpaste/actions:<tag>, tailpaste/paste-service:<tag>); two
# checkouts that share one engine set different tags so neither runs the other's build.
TAILPASTE_IMAGE_TAG="${TAILPASTE_IMAGE_TAG:-dev}"

# How long a probe of an engine may take before we call it dead.
TAILPASTE_DOCKER_PROBE_SECONDS="${TAILPASTE_DOCKER_PROBE_SECONDS:-5}"

# Messages go to stderr so that stdout stays clean for `eval "$(...)"`.
die() {
  printf '%s: error: %s\n' "${0##*/}" "$*" >&2
  exit 1
}

info() {
  if [[ "${TAILPASTE_VERBOSE:-0}" != "0" ]]; then
    printf '%s: %s\n' "${0##*/}" "$*" >&2
  fi
}

warn() {
  printf '%s: warning: %s\n' "${0##*/}" "$*" >&2
}

# The argument of a script that takes nothing or --force: prints 1 for --force and 0 for nothing; prints the
# script's usage (its header comment, lines $2 to $3) for --help; anything else is refused. Exit code 2 for both.
force_argument() {
  local script="$1" first="$2" last="$3" argument="${4:-}"
  case "$argument" in
    "") echo 0 ;;
    --force) echo 1 ;;
    -h | --help)
      sed -n "${first},${last}s/^# \{0,1\}//p" "$script" >&2
      exit 2
      ;;
    *)
      printf '%s: error: unknown argument "%s"; expected nothing or --force\n' "${script##*/}" "$argument" >&2
      exit 2
      ;;
  esac
}

repo_root() {
  local here
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  printf '%s\n' "$here"
}

private_socket() {
  printf '%s/docker.sock\n' "$TAILPASTE_DOCKER_STATE"
}

# Installs Debian packages when their command is missing. Root only: CI runs on
# a fresh machine where nothing is installed yet.
ensure_packages() {
  local missing=() pair cmd pkg
  for pair in "$@"; do
    cmd="${pair%%:*}"
    pkg="${pair#*:}"
    if ! command -v "$cmd" >/dev/null 2>&1 && [[ " ${missing[*]} " != *" $pkg "* ]]; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  if [[ "$(id -u)" != "0" ]]; then
    die "missing ${missing[*]}; install them (apt-get install -y ${missing[*]}) or run this script as root"
  fi
  info "installing ${missing[*]}"
  # One apt lock for every script of this repo that installs packages.
  (
    flock -w 900 8 || die "timed out waiting for the apt lock"
    # Keep the packages' own services (docker.service) from starting: the
    # private engine is ours, and a system dockerd would add iptables rules.
    local guard=""
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
      guard=/usr/sbin/policy-rc.d
      printf '#!/bin/sh\nexit 101\n' >"$guard"
      chmod +x "$guard"
      trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    # apt and dpkg are chatty even with -qq: keep their output for when they fail.
    local log
    log="$(mktemp)"
    # One `apt-get update` per machine and hour, although two scripts install packages.
    local updated=/tmp/tailpaste-apt.updated
    if [[ -z "$(find "$updated" -mmin -60 2>/dev/null)" ]]; then
      if ! DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1; then
        tail -n 20 "$log" >&2
        rm -f "$log"
        die "apt-get update failed (output above)"
      fi
      touch "$updated"
    fi
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$log" 2>&1; then
      tail -n 20 "$log" >&2
      rm -f "$log"
      die "installing ${missing[*]} with apt-get failed (output above)"
    fi
    rm -f "$log"
  ) 8>/tmp/tailpaste-apt.lock
}

# True when the engine at $1 (a DOCKER_HOST value) answers within the probe time.
engine_answers() {
  local host="$1"
  timeout "$TAILPASTE_DOCKER_PROBE_SECONDS" \
    docker --host "$host" version --format '{{.Server.Version}}' >/dev/null 2>&1
}

# Takes an exclusive lock on the named file on fd 9 for the rest of the script.
# Parallel test assemblies call these scripts at the same time.
take_lock() {
  local file="$1" seconds="${2:-1800}"
  mkdir -p "$(dirname "$file")"
  exec 9>"$file"
  flock -w "$seconds" 9 || die "timed out after ${seconds}s waiting for the lock $file"
}
