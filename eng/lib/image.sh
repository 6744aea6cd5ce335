# shellcheck shell=bash
# Building an image from this repository when, and only when, its sources changed. Source it after
# common.sh, from the repository root, with DOCKER_HOST exported.

# Files a build context holds: what git tracks plus new files it does not ignore, so bin/, obj/ and
# .git stay out without relying on a .dockerignore. NUL-separated.
context_files() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
      if [[ -f "$f" || -L "$f" ]]; then printf '%s\0' "$f"; fi
    done
  else
    find . -type f ! -path './.git/*' ! -path '*/bin/*' ! -path '*/obj/*' ! -path './artifacts/*' -printf '%P\0'
  fi
}

# A short hash over the context files under the given paths, plus any extra text on stdin.
# Usage: { printf 'ARG=%s\n' "$value"; } | paths_hash path...
paths_hash() {
  local pattern
  pattern="$(printf '%s|' "$@" | sed 's/[.]/\\./g; s/|$//')"
  {
    cat
    context_files | grep -z -E "^($pattern)(/|$)" | sort -z | xargs -0 -r sha256sum
  } | sha256sum | cut -c1-16
}

# The label that records the hash an image was built from.
readonly IMAGE_HASH_LABEL=tailpaste.source-hash

# Builds the image from the given Dockerfile (a path inside the context) unless an image with that
# name already carries the same source hash; extra arguments go to `docker build`.
# Usage: build_hashed_image force image hash dockerfile [docker build args...]
build_hashed_image() {
  local force="$1" image="$2" hash="$3" dockerfile="$4"
  shift 4
  local current log
  current="$(docker image inspect --format "{{ index .Config.Labels \"$IMAGE_HASH_LABEL\" }}" "$image" 2>/dev/null)" || current=""
  if ((force == 0)) && [[ "$current" == "$hash" ]]; then
    info "$image is up to date (source hash $hash)"
    return 0
  fi
  info "building $image (source hash $hash)"
  log="$(mktemp)"
  # The context streams as a tar of the listed files; --file names the Dockerfile inside it.
  # Legacy builder: Debian's engine has no buildx, and --network host lets restore reach NuGet.
  if ! context_files | tar --null -T - -cf - |
    DOCKER_BUILDKIT=0 docker build --network host --file "$dockerfile" \
      --label "$IMAGE_HASH_LABEL=$hash" --tag "$image" "$@" - >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    rm -f "$log"
    die "building $image from $dockerfile failed (output above)"
  fi
  rm -f "$log"
}
