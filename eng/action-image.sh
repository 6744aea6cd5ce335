#!/usr/bin/env bash
# Builds the actions image, tailpaste/actions:dev (the tag is TAILPASTE_IMAGE_TAG when set), from the root Dockerfile exactly as the runner
# would for `uses: ./actions/<name>` — the same Dockerfile every action.yml names — so tests can run
# an action the way the runner does. Skipped when its sources are unchanged.
#
# Usage: eng/action-image.sh [--force]
#
# Environment:
#   DOCKER_HOST   the engine (default: whatever eng/docker-engine.sh start finds or starts)
#   TAILPASTE_ACTIONS_PUBLISH  jit (default: what the runner builds) or aot (the released images' Native AOT
#                 binaries, so the container-action tests of every action run what a release ships)
#   TAILPASTE_VERBOSE=1  progress on stderr
set -euo pipefail

# shellcheck source=eng/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=eng/lib/image.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/image.sh"

readonly IMAGE="tailpaste/actions:$TAILPASTE_IMAGE_TAG"

force=0
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    *)
      printf '%s: error: unknown argument "%s"; expected --force or nothing\n' "${0##*/}" "$arg" >&2
      exit 2
      ;;
  esac
done

root="$(repo_root)"
cd "$root"

eval "$("$root/eng/docker-engine.sh" start)"
export DOCKER_HOST
"$root/eng/base-images.sh"
take_lock "$TAILPASTE_DOCKER_STATE.actions-image.lock"

# What the Dockerfile copies in.
publish="${TAILPASTE_ACTIONS_PUBLISH:-jit}"
[[ "$publish" == jit || "$publish" == aot ]] ||
  { printf '%s: error: TAILPASTE_ACTIONS_PUBLISH="%s"; expected jit or aot\n' "${0##*/}" "$publish" >&2; exit 2; }
hash="$(printf 'PUBLISH=%s\n' "$publish" | paths_hash Dockerfile global.json Directory.Build.props Directory.Packages.props src actions eng/run-action.sh)"
build_hashed_image "$force" "$IMAGE" "$hash" Dockerfile --build-arg "PUBLISH=$publish"
printf '%s\n' "$IMAGE"
