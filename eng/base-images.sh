#!/usr/bin/env bash
# Builds stand-ins for the .NET base images the Dockerfiles name, because no
# registry can be reached here. Each is built only when the engine lacks it:
#
#   mcr.microsoft.com/dotnet/runtime-deps:10.0  debootstrap --variant=minbase Debian + the host's CA certificates
#   mcr.microsoft.com/dotnet/runtime:10.0       runtime-deps + the host's dotnet host and .NET runtime
#   mcr.microsoft.com/dotnet/aspnet:10.0        runtime-deps + the host's dotnet host, .NET and ASP.NET Core runtimes
#   mcr.microsoft.com/dotnet/sdk:10.0           runtime-deps + the host's whole /usr/share/dotnet (SDK included)
#
# Usage: eng/base-images.sh [--force]     (--force rebuilds the stand-ins even when present)
#
# Environment:
#   DOCKER_HOST                 the engine to use (default: whatever eng/docker-engine.sh start finds or starts)
#   TAILPASTE_DOCKER_STATE      where the cached Debian root file system lives (default /tmp/tailpaste-docker)
#   TAILPASTE_DEBIAN_MIRROR     Debian mirror for debootstrap (default: the one this machine's apt uses)
#   TAILPASTE_DEBIAN_SUITE      Debian release (default bookworm)
#   TAILPASTE_DOTNET_ROOT       the .NET installation to copy (default: the one `dotnet` on PATH runs from)
#   TAILPASTE_PULL_BASE_IMAGES  1 (default): try `docker pull` of the real image first, for machines that
#                               reach mcr.microsoft.com; 0: build stand-ins without trying
#   TAILPASTE_VERBOSE=1         progress on stderr
set -euo pipefail

# shellcheck source=eng/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=eng/lib/image.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/image.sh"

readonly RUNTIME_DEPS=mcr.microsoft.com/dotnet/runtime-deps:10.0
readonly RUNTIME=mcr.microsoft.com/dotnet/runtime:10.0
readonly ASPNET=mcr.microsoft.com/dotnet/aspnet:10.0
readonly SDK=mcr.microsoft.com/dotnet/sdk:10.0
readonly DESCRIPTION='org.opencontainers.image.description="stand-in built by eng/base-images.sh"'
readonly SUITE="${TAILPASTE_DEBIAN_SUITE:-bookworm}"
# What .NET needs at run time (see the runtime-deps Dockerfile upstream). ICU
# stays in although our apps are invariant: the SDK and other apps may need it.
readonly PACKAGES="ca-certificates,libc6,libgcc-s1,libicu72,libssl3,libstdc++6,tzdata,zlib1g"
# The uid/gid upstream images give their non-root user `app`.
readonly APP_UID=1654

rebuilt=0
force="$(force_argument "${BASH_SOURCE[0]}" 2 19 "$@")"

# The mirror this machine's apt uses for Debian itself (not -security, not third parties).
debian_mirror() {
  local uri
  if [[ -n "${TAILPASTE_DEBIAN_MIRROR:-}" ]]; then
    printf '%s\n' "$TAILPASTE_DEBIAN_MIRROR"
    return
  fi
  uri="$(
    {
      grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}'
      grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
        sed -E 's/^deb +(\[[^]]*\] +)?//' | awk '{print $1}'
    } | grep -E '/debian/?$' | head -n 1
  )" || true
  printf '%s\n' "${uri:-http://deb.debian.org/debian}"
}

dotnet_root() {
  local dotnet
  if [[ -n "${TAILPASTE_DOTNET_ROOT:-}" ]]; then
    printf '%s\n' "$TAILPASTE_DOTNET_ROOT"
    return
  fi
  dotnet="$(command -v dotnet)" || die "no dotnet on PATH; install the .NET 10 SDK or set TAILPASTE_DOTNET_ROOT"
  dirname "$(readlink -f "$dotnet")"
}

# Debian root file system, cached by everything that shapes it so reruns skip debootstrap.
ensure_rootfs() {
  local mirror="$1" key dir tmp
  key="$(printf '%s|%s|%s|%s' "$SUITE" "$mirror" "$PACKAGES" "$APP_UID" | sha256sum | cut -c1-12)"
  dir="$TAILPASTE_DOCKER_STATE/cache/rootfs-$SUITE-$key"
  if [[ -f "$dir/.complete" ]]; then
    printf '%s\n' "$dir"
    return
  fi
  ensure_packages debootstrap:debootstrap
  [[ -f /usr/share/keyrings/debian-archive-keyring.gpg ]] || ensure_packages missing-keyring:debian-archive-keyring
  tmp="$dir.partial"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  # Leave no dangling proc/sys mounts behind when debootstrap is interrupted.
  trap 'umount -l "$tmp/proc" "$tmp/sys" 2>/dev/null || true' EXIT
  info "debootstrap $SUITE from $mirror"
  if ! debootstrap --variant=minbase --include="$PACKAGES" \
    --keyring=/usr/share/keyrings/debian-archive-keyring.gpg \
    "$SUITE" "$tmp" "$mirror" >"$TAILPASTE_DOCKER_STATE/debootstrap.log" 2>&1; then
    tail -n 20 "$TAILPASTE_DOCKER_STATE/debootstrap.log" >&2
    die "debootstrap $SUITE from $mirror failed; full log in $TAILPASTE_DOCKER_STATE/debootstrap.log"
  fi
  chroot "$tmp" groupadd --system --gid "$APP_UID" app
  # useradd warns that 1654 is above SYS_UID_MAX; upstream uses the same uid.
  chroot "$tmp" useradd --no-log-init --system --uid "$APP_UID" --gid "$APP_UID" --create-home app 2>/dev/null
  # Lean like the upstream slim images: no docs, man pages or apt caches, and
  # keep later `apt-get install` in derived images from adding them back.
  cat >"$tmp/etc/dpkg/dpkg.cfg.d/docker-excludes" <<'EXCLUDES'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EXCLUDES
  find "$tmp/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete 2>/dev/null || true
  rm -rf "$tmp"/usr/share/man/* "$tmp"/usr/share/info/* "$tmp"/var/cache/apt/archives/*.deb \
    "$tmp"/var/cache/apt/*.bin "$tmp"/var/lib/apt/lists/* "$tmp"/var/log/*.log
  find "$tmp/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} + 2>/dev/null || true
  touch "$tmp/.complete"
  rm -rf "$dir"
  mv "$tmp" "$dir"
  trap - EXIT
  printf '%s\n' "$dir"
}

# The host's trusted CAs (it may sit behind a TLS-inspecting proxy whose CA only
# the host trusts), so that NuGet restores inside `docker build` can verify TLS.
copy_host_certificates() {
  local rootfs="$1" d
  for d in /usr/share/ca-certificates /usr/local/share/ca-certificates /etc/ssl/certs; do
    if [[ -d "$d" ]]; then
      mkdir -p "$rootfs$d"
      cp -a "$d/." "$rootfs$d/"
    fi
  done
  [[ -s "$rootfs/etc/ssl/certs/ca-certificates.crt" ]] ||
    die "no CA bundle at /etc/ssl/certs/ca-certificates.crt on this machine; install ca-certificates"
}

build_runtime_deps() {
  local mirror rootfs
  mirror="$(debian_mirror)"
  rootfs="$(ensure_rootfs "$mirror")"
  copy_host_certificates "$rootfs"
  info "importing $RUNTIME_DEPS"
  tar --numeric-owner --exclude=./.complete -C "$rootfs" -cf - . |
    docker import \
      --change "LABEL $DESCRIPTION" \
      --change "LABEL org.opencontainers.image.base.name=debian:$SUITE" \
      --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
      --change "ENV APP_UID=$APP_UID" \
      --change "ENV ASPNETCORE_HTTP_PORTS=8080" \
      --change "ENV DOTNET_RUNNING_IN_CONTAINER=true" \
      --change 'CMD ["bash"]' \
      --message "debootstrap --variant=minbase $SUITE from $mirror (eng/base-images.sh)" \
      - "$RUNTIME_DEPS" >/dev/null
  # The other images sit on the old base now: they are rebuilt too.
  rebuilt=1
}

# Builds FROM runtime-deps with parts of the host's .NET. The context is streamed
# as a tar (Dockerfile + dotnet/...), so nothing is copied to disk first.
build_dotnet_image() {
  local tag="$1" dockerfile="$2"
  shift 2
  local root work
  root="$(dotnet_root)"
  [[ -x "$root/dotnet" ]] || die "no dotnet executable in $root (TAILPASTE_DOTNET_ROOT=${TAILPASTE_DOTNET_ROOT:-unset})"
  work="$(mktemp -d)"
  printf '%s\n' "$dockerfile" >"$work/Dockerfile"
  info "building $tag from $root"
  # S: leave symlink targets alone; only member names move under dotnet/.
  if ! tar --numeric-owner -cf - -C "$work" Dockerfile \
    --transform 's,^\.,dotnet,S' -C "$root" "$@" |
    DOCKER_BUILDKIT=0 docker build --network none --quiet --tag "$tag" - >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    rm -rf "$work"
    die "building $tag failed"
  fi
  rm -rf "$work"
}

runtime_version() {
  local root="$1" framework="$2"
  find "$root/shared/$framework" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V | tail -n 1
}

sdk_version() {
  find "$1/sdk" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | grep -E '^[0-9]' | sort -V | tail -n 1
}

build_runtime() {
  local root netcore
  root="$(dotnet_root)"
  netcore="$(runtime_version "$root" Microsoft.NETCore.App)"
  [[ -n "$netcore" ]] || die "the .NET installation in $root lacks Microsoft.NETCore.App"
  build_dotnet_image "$RUNTIME" "FROM $RUNTIME_DEPS
COPY dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet && dotnet --list-runtimes
ENV DOTNET_VERSION=$netcore
LABEL $DESCRIPTION" \
    ./dotnet ./host ./LICENSE.txt ./ThirdPartyNotices.txt "./shared/Microsoft.NETCore.App/$netcore"
}

build_aspnet() {
  local root netcore aspnetcore
  root="$(dotnet_root)"
  netcore="$(runtime_version "$root" Microsoft.NETCore.App)"
  aspnetcore="$(runtime_version "$root" Microsoft.AspNetCore.App)"
  [[ -n "$netcore" && -n "$aspnetcore" ]] ||
    die "the .NET installation in $root lacks Microsoft.NETCore.App or Microsoft.AspNetCore.App"
  build_dotnet_image "$ASPNET" "FROM $RUNTIME_DEPS
COPY dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet && dotnet --list-runtimes
ENV DOTNET_VERSION=$netcore ASPNET_VERSION=$aspnetcore
LABEL $DESCRIPTION" \
    ./dotnet ./host ./LICENSE.txt ./ThirdPartyNotices.txt \
    "./shared/Microsoft.NETCore.App/$netcore" "./shared/Microsoft.AspNetCore.App/$aspnetcore"
}

build_sdk() {
  local root sdk netcore aspnetcore
  root="$(dotnet_root)"
  sdk="$(sdk_version "$root")"
  [[ -n "$sdk" ]] || die "the .NET installation in $root has no SDK"
  netcore="$(runtime_version "$root" Microsoft.NETCore.App)"
  aspnetcore="$(runtime_version "$root" Microsoft.AspNetCore.App)"
  build_dotnet_image "$SDK" "FROM $RUNTIME_DEPS
COPY dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet && DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet --version
ENV DOTNET_VERSION=$netcore ASPNET_VERSION=$aspnetcore DOTNET_SDK_VERSION=$sdk \\
    DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false \\
    DOTNET_USE_POLLING_FILE_WATCHER=true NUGET_XMLDOC_MODE=skip
LABEL $DESCRIPTION" \
    .
}

main() {
  local started=$SECONDS
  eval "$("$(dirname "${BASH_SOURCE[0]}")/docker-engine.sh" start)"
  export DOCKER_HOST
  take_lock "$TAILPASTE_DOCKER_STATE.images.lock"
  provide_image "$force" "$RUNTIME_DEPS" build_runtime_deps
  provide_image $((force || rebuilt)) "$RUNTIME" build_runtime
  provide_image $((force || rebuilt)) "$ASPNET" build_aspnet
  provide_image $((force || rebuilt)) "$SDK" build_sdk
  info "stand-in images ready in $((SECONDS - started))s"
}

main
