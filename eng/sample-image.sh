#!/usr/bin/env bash
# Builds the sample paste service's image, tailpaste/paste-service:dev (the tag is TAILPASTE_IMAGE_TAG when set) (plus any tags given),
# from samples/paste-service/Dockerfile with the repository root as context.
#
# Usage: eng/sample-image.sh [--force] [tag...]
#
# The build is skipped when an image with the same source hash (a label over the sample's
# files, the repository-wide build props and the build args) already exists, so test runs
# stay fast. --force builds anyway.
#
# Environment:
#   APP_VERSION   version the service reports on /version (default: empty, the assembly's version)
#   GIT_COMMIT    commit it reports (default: the last commit that touched the sample's inputs,
#                 with -dirty when they have uncommitted changes)
#   DOCKER_HOST   the engine (default: whatever eng/docker-engine.sh start finds or starts)
#   TAILPASTE_VERBOSE=1  progress on stderr
set -euo pipefail

# shellcheck source=eng/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=eng/lib/image.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/image.sh"

readonly IMAGE="tailpaste/paste-service:$TAILPASTE_IMAGE_TAG"
readonly SAMPLE=samples/paste-service

force=0
tags=("$IMAGE")
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    -h | --help)
      sed -n '2,16s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
      exit 2
      ;;
    -*)
      printf '%s: error: unknown option "%s"; expected --force or image tags\n' "${0##*/}" "$arg" >&2
      exit 2
      ;;
    *)
      [[ "$arg" =~ ^[a-z0-9][a-z0-9._/:-]*$ ]] ||
        { printf '%s: error: tag "%s" is not a valid image reference (lower case, name[:tag])\n' "${0##*/}" "$arg" >&2; exit 2; }
      tags+=("$arg")
      ;;
  esac
done

root="$(repo_root)"
cd "$root"
[[ -f "$SAMPLE/Dockerfile" ]] || die "$root/$SAMPLE/Dockerfile does not exist"

# The sample, the projects it references, and the repository-wide build settings.
hashed_paths() {
  local ref
  printf '%s\n' "$SAMPLE" global.json Directory.Build.props Directory.Packages.props NuGet.config nuget.config .editorconfig
  grep -o '<ProjectReference Include="[^"]*"' "$SAMPLE"/*.csproj 2>/dev/null | sed -E 's/.*Include="([^"]*)"/\1/' |
    while read -r ref; do
      ref="${ref//\\//}"
      realpath --relative-to="$root" -m "$SAMPLE/$(dirname "$ref")"
    done
}

source_hash() {
  local paths
  mapfile -t paths < <(hashed_paths)
  printf 'APP_VERSION=%s\nGIT_COMMIT=%s\n' "$app_version" "$git_commit" | paths_hash "${paths[@]}"
}

default_commit() {
  local paths commit
  mapfile -t paths < <(hashed_paths)
  commit="$(git log -1 --format=%H -- "${paths[@]}" 2>/dev/null)" || true
  if [[ -z "$commit" ]]; then
    echo unknown
    return
  fi
  if [[ -n "$(git status --porcelain -- "${paths[@]}" 2>/dev/null)" ]]; then
    commit="$commit-dirty"
  fi
  printf '%s\n' "$commit"
}

app_version="${APP_VERSION:-}"
git_commit="${GIT_COMMIT:-$(default_commit)}"

eval "$("$root/eng/docker-engine.sh" start)"
export DOCKER_HOST
"$root/eng/base-images.sh"
take_lock "$TAILPASTE_DOCKER_STATE.sample.lock"

hash="$(source_hash)"
build_hashed_image "$force" "$IMAGE" "$hash" "$SAMPLE/Dockerfile" \
  --build-arg "APP_VERSION=$app_version" --build-arg "GIT_COMMIT=$git_commit"
for tag in "${tags[@]:1}"; do docker tag "$IMAGE" "$tag"; done
printf '%s\n' "$IMAGE"
