#!/usr/bin/env bash
# Makes the reverse proxy image the deploy action runs in front of a blue-green service available on the
# engine, under the official image's name (nginx:1.28, the action's proxy-image default), because no registry
# can be reached here. Like eng/base-images.sh: the real image is pulled when a registry answers; otherwise a
# stand-in is built once, FROM the runtime-deps stand-in plus Debian's nginx-light package (apt reaches
# Debian's mirror during `docker build --network host`). It runs `nginx -g 'daemon off;'` and logs to the
# container's stdout and stderr, as the official image does.
#
# Usage: eng/proxy-image.sh [--force]     (--force rebuilds the stand-in even when present)
#
# Environment:
#   DOCKER_HOST                 the engine (default: whatever eng/docker-engine.sh start finds or starts)
#   TAILPASTE_PROXY_IMAGE       the name to provide (default nginx:1.28)
#   TAILPASTE_PULL_BASE_IMAGES  1 (default): try `docker pull` first; 0: build the stand-in without trying
#   TAILPASTE_VERBOSE=1         progress on stderr
set -euo pipefail

# shellcheck source=eng/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=eng/lib/image.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/image.sh"

readonly PROXY="${TAILPASTE_PROXY_IMAGE:-nginx:1.28}"
readonly RUNTIME_DEPS=mcr.microsoft.com/dotnet/runtime-deps:10.0

force="$(force_argument "${BASH_SOURCE[0]}" 2 16 "$@")"

[[ "$PROXY" =~ ^[a-z0-9][a-z0-9._/:-]*$ ]] ||
  die "TAILPASTE_PROXY_IMAGE=\"$PROXY\" is not a valid image reference (lower case, name[:tag])"

build_stand_in() {
  local work
  work="$(mktemp -d)"
  # Logs go to the container's own streams (the deploy action reads the access log through the Docker API),
  # and SIGQUIT stops nginx gracefully, as in the official image.
  cat >"$work/Dockerfile" <<DOCKERFILE
FROM $RUNTIME_DEPS
RUN apt-get update \\
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx-light \\
    && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/default \\
    && ln -sf /dev/stdout /var/log/nginx/access.log \\
    && ln -sf /dev/stderr /var/log/nginx/error.log \\
    && nginx -v
LABEL org.opencontainers.image.description="stand-in for $PROXY built by eng/proxy-image.sh (Debian nginx-light)"
EXPOSE 80
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
DOCKERFILE
  info "building $PROXY from $RUNTIME_DEPS and Debian's nginx-light"
  if ! DOCKER_BUILDKIT=0 docker build --network host --quiet --tag "$PROXY" "$work" >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    rm -rf "$work"
    die "building $PROXY failed"
  fi
  rm -rf "$work"
}

main() {
  eval "$("$(dirname "${BASH_SOURCE[0]}")/docker-engine.sh" start)"
  export DOCKER_HOST
  "$(dirname "${BASH_SOURCE[0]}")/base-images.sh"
  take_lock "$TAILPASTE_DOCKER_STATE.proxy-image.lock"
  provide_image "$force" "$PROXY" build_stand_in
  printf '%s\n' "$PROXY"
}

main
