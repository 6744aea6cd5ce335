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

# The Dockerfile as this engine can build it: a base image pinned by digest (FROM name:tag@sha256:…) that the
# engine does not hold is replaced by name:tag, which eng/base-images.sh pulled or built as a stand-in. The
# stand-ins are imported locally, so they can never carry the official digest; where the pinned image can be
# pulled (a hosted runner), the Dockerfile is built as written.
# Usage: dockerfile_for_engine dockerfile  → the rewritten text on stdout
dockerfile_for_engine() {
  local line reference
  while IFS= read -r line || [[ -n "$line" ]]; do
    if [[ "$line" =~ ^FROM[[:space:]]+([^[:space:]]+@sha256:[0-9a-f]{64}) ]]; then
      reference="${BASH_REMATCH[1]}"
      if ! docker image inspect "$reference" >/dev/null 2>&1 && ! pull_pinned "$reference"; then
        info "no $reference on this engine: building FROM ${reference%@*} (eng/base-images.sh)"
        line="${line/"$reference"/"${reference%@*}"}"
      fi
    fi
    printf '%s\n' "$line"
  done <"$1"
}

# Pulls a pinned base image when a registry answers (TAILPASTE_PULL_BASE_IMAGES=1, the default); fails fast here.
pull_pinned() {
  [[ "${TAILPASTE_PULL_BASE_IMAGES:-1}" != "0" ]] || return 1
  timeout 300 docker pull --quiet "$1" >/dev/null 2>&1
}

# Makes an image the engine may lack available under its name: kept when the engine has it, else pulled when a
# registry answers (TAILPASTE_PULL_BASE_IMAGES=1, the default), else made by the given command (a stand-in).
# force=1 runs the command without looking.
# Usage: provide_image force image command [args...]
provide_image() {
  local force="$1" image="$2"
  shift 2
  if ((force == 0)); then
    if docker image inspect "$image" >/dev/null 2>&1; then
      return 0
    fi
    if pull_pinned "$image"; then
      info "pulled $image"
      return 0
    fi
    [[ "${TAILPASTE_PULL_BASE_IMAGES:-1}" == "0" ]] || info "cannot pull $image; building a stand-in"
  fi
  "$@"
}

# Builds the image from the given Dockerfile (a path inside the context) unless an image with that
# name already carries the same source hash; extra arguments go to `docker build`.
# Usage: build_hashed_image force image hash dockerfile [docker build args...]
build_hashed_image() {
  local force="$1" image="$2" hash="$3" dockerfile="$4"
  shift 4
  local current
  current="$(docker image inspect --format "{{ index .Config.Labels \"$IMAGE_HASH_LABEL\" }}" "$image" 2>/dev/null)" || current=""
  if ((force == 0)) && [[ "$current" == "$hash" ]]; then
    info "$image is up to date (source hash $hash)"
    return 0
  fi
  info "building $image (source hash $hash)"
  build_image "$dockerfile" --label "$IMAGE_HASH_LABEL=$hash" --tag "$image" "$@"
}

# The docker command that builds with BuildKit, as the runner's docker does: it builds only the stages the
# target needs, side by side, and its steps leave no intermediate images. A client with buildx, or an older
# client (before 23) whose BuildKit is built in (Debian's docker.io 20.10, also at /usr/bin/docker when a newer
# client without buildx comes first on PATH); else the legacy builder. One word per line.
buildkit_docker() {
  local candidate version
  if docker buildx version >/dev/null 2>&1; then
    printf '%s\n' env DOCKER_BUILDKIT=1 docker
    return
  fi
  for candidate in docker /usr/bin/docker; do
    # Prints the client's version even when it then fails to reach the engine.
    version="$("$candidate" version --format '{{.Client.Version}}' 2>/dev/null || true)"
    if [[ "$version" =~ ^(1[89]|2[0-2])\. ]]; then
      printf '%s\n' env DOCKER_BUILDKIT=1 "$candidate"
      return
    fi
  done
  info "no BuildKit client (no buildx, docker client 23 or later): using the legacy builder"
  printf '%s\n' env DOCKER_BUILDKIT=0 docker
}

# docker build of this checkout's context (what git tracks and does not ignore) with the given Dockerfile,
# rewritten for this engine by dockerfile_for_engine; extra arguments go to `docker build`.
# Usage: build_image dockerfile [docker build args...]
build_image() {
  local dockerfile="$1"
  shift
  local log work
  log="$(mktemp)"
  work="$(mktemp -d)"
  dockerfile_for_engine "$dockerfile" >"$work/Dockerfile.engine"
  # The context streams as a tar of the listed files plus the rewritten Dockerfile; --network host lets
  # restore reach NuGet.
  local -a builder
  mapfile -t builder < <(buildkit_docker)
  builder+=(build)
  if [[ "${builder[1]}" == DOCKER_BUILDKIT=1 ]]; then builder+=(--progress=plain); fi
  if ! { context_files | tar --null -T - -cf - -C "$work" Dockerfile.engine; } |
    "${builder[@]}" --network host --file Dockerfile.engine "$@" - >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    rm -rf "$log" "$work"
    die "docker build with $dockerfile failed (output above)"
  fi
  if [[ "${TAILPASTE_VERBOSE:-0}" != "0" ]]; then cat "$log" >&2; fi
  rm -rf "$log" "$work"
}
