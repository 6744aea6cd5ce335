#!/usr/bin/env bash
# Builds the released image of each action (the root Dockerfile's per-action targets, Native AOT where the
# action allows it), tags it <registry>/<owner>/tailpaste-<action>:<version>, and with --push pushes it; with
# --rewrite it points actions/<action>/action.yml at that image (runs.image: docker://…, args kept), which is
# what the release workflow commits on the release tag so `uses: owner/repo/actions/x@v1` pulls instead of
# building. Prints one image reference per line.
#
# Usage: eng/release-images.sh --registry HOST[:PORT] --owner OWNER --version X.Y.Z [--push] [--rewrite]
#                              [--source URL] [--action-root DIR] [action...]
#   --registry     ghcr.io in the release workflow; 127.0.0.1:PORT in tests
#   --owner        the image namespace (the repository owner; lower-cased, as registries require)
#   --version      the release's version (v-prefix allowed, dropped from the tag)
#   --push         push every tag (for linux/amd64 and linux/arm64 when docker buildx is available; else for the
#                  engine's own platform, with a warning)
#   --rewrite      rewrite runs.image in each action.yml under --action-root (default: this repository)
#   --source       the repository address, recorded as org.opencontainers.image.source
#   action...      the actions to release (default: every folder under actions/)
#
# Environment: DOCKER_HOST (default: whatever eng/docker-engine.sh start finds or starts), TAILPASTE_VERBOSE=1
set -euo pipefail

# shellcheck source=eng/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=eng/lib/image.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/image.sh"

usage_error() {
  printf '%s: error: %s\n' "${0##*/}" "$*" >&2
  sed -n '8,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
  exit 2
}

registry="" owner="" version="" source_url="" push=0 rewrite=0 action_root=""
actions=()
while (($#)); do
  case "$1" in
    --registry | --owner | --version | --source | --action-root)
      (($# >= 2)) || usage_error "$1 needs a value"
      case "$1" in
        --registry) registry="$2" ;;
        --owner) owner="$2" ;;
        --version) version="$2" ;;
        --source) source_url="$2" ;;
        --action-root) action_root="$2" ;;
      esac
      shift 2
      ;;
    --push) push=1; shift ;;
    --rewrite) rewrite=1; shift ;;
    -h | --help) sed -n '2,21s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
    -*) usage_error "unknown option \"$1\"" ;;
    *) actions+=("$1"); shift ;;
  esac
done

[[ "$registry" =~ ^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$ ]] ||
  usage_error "--registry \"$registry\" is not a registry host (expected host or host:port, e.g. ghcr.io)"
owner="${owner,,}"
[[ "$owner" =~ ^[a-z0-9]([a-z0-9_.-]*[a-z0-9])?$ ]] ||
  usage_error "--owner \"$owner\" is not an image namespace (expected letters, digits, . _ -)"
version="${version#v}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] ||
  usage_error "--version \"$version\" is not a release version (expected X.Y.Z or vX.Y.Z, optionally -suffix)"
[[ -z "$source_url" || "$source_url" =~ ^https://[^[:space:]\"]+$ ]] ||
  usage_error "--source \"$source_url\" is not an https address"

root="$(repo_root)"
cd "$root"
action_root="${action_root:-$root}"
if ((${#actions[@]} == 0)); then
  mapfile -t actions < <(find actions -mindepth 2 -maxdepth 2 -name action.yml -printf '%h\n' | xargs -n1 basename | sort)
fi
for action in "${actions[@]}"; do
  [[ "$action" =~ ^[a-z][a-z-]*$ && -f "actions/$action/action.yml" ]] ||
    usage_error "\"$action\" is not an action of this repository (expected a folder under actions/)"
  grep -q "^FROM .* AS $action\$" Dockerfile || die "the Dockerfile has no target \"$action\""
  if ((rewrite)); then
    [[ -f "$action_root/actions/$action/action.yml" ]] ||
      usage_error "--action-root \"$action_root\" has no actions/$action/action.yml"
  fi
done

eval "$("$root/eng/docker-engine.sh" start)"
export DOCKER_HOST
"$root/eng/base-images.sh"

revision="$(git rev-parse HEAD 2>/dev/null)" || revision=""
multi_platform=0
if docker buildx version >/dev/null 2>&1; then
  multi_platform=1
elif ((push)); then
  warn "docker buildx is not available: building and pushing for this engine's platform only ($(docker version --format '{{.Server.Os}}/{{.Server.Arch}}'))"
fi

# Rewrites `image:` under `runs:` to the released image; everything else (args among it) stays as it is.
rewrite_manifest() {
  local manifest="$1" reference="$2" count
  count="$(grep -c '^  image: ' "$manifest")" || true
  [[ "$count" == 1 ]] || die "$manifest has $count 'image:' lines under runs:, expected 1"
  sed -i "s|^  image: .*|  image: docker://$reference|" "$manifest"
}

for action in "${actions[@]}"; do
  reference="$registry/$owner/tailpaste-$action:$version"
  build_args=(--build-arg PUBLISH=aot --build-arg "VERSION=$version" --build-arg "REVISION=$revision"
    --build-arg "SOURCE=$source_url" --target "$action" --tag "$reference")
  info "building $reference"
  if ((multi_platform)); then
    # buildx pushes a multi-platform index directly; the engine's own store cannot hold one.
    output=()
    if ((push)); then output=(--push); fi
    docker buildx build --platform linux/amd64,linux/arm64 "${build_args[@]}" "${output[@]}" "$root"
  else
    build_image Dockerfile "${build_args[@]}"
    if ((push)); then
      docker push --quiet "$reference" >/dev/null
    fi
  fi
  if ((rewrite)); then
    rewrite_manifest "$action_root/actions/$action/action.yml" "$reference"
  fi
  printf '%s\n' "$reference"
done
