#!/bin/bash
# Entry point of the actions images: the first argument names the action (fixed in its action.yml's args),
# the rest are passed through unchanged. Runs the action's native binary (Native AOT images) or its
# framework-dependent build with dotnet.
#
# bash, not sh: the runner sets inputs as INPUT_<NAME> with dashes kept (INPUT_DRY-RUN), which are not
# valid shell names; Debian's sh (dash) silently drops such variables from the environment it passes
# on, while bash passes them through. tests/Shared.Tests/ActionImage proves it with a dashed input.
set -eu
action="${1:-}"
case "$action" in
  ''|*[!a-z-]*)
    echo "error: the first argument must name an action under /app (got '$action')" >&2
    exit 2
    ;;
esac
shift
if [ -x "/app/$action/$action" ] && [ ! -f "/app/$action/$action.dll" ]; then
  command=("/app/$action/$action")
elif [ -f "/app/$action/$action.dll" ]; then
  command=(dotnet "/app/$action/$action.dll")
else
  echo "error: no action named '$action' in this image" >&2
  exit 2
fi

# The runner starts the container as root, and files written into the workspace would then belong to root,
# which the runner's user cannot clean up. When the workspace belongs to someone else, run as that user and
# group, keeping the Docker socket usable by joining the socket's group. A root-owned workspace (a runner
# that runs as root) keeps root.
workspace="${GITHUB_WORKSPACE:-/github/workspace}"
if [ "$(id -u)" = 0 ] && [ -d "$workspace" ] && [ "${TAILPASTE_KEEP_ROOT:-}" != 1 ]; then
  owner="$(stat -c %u "$workspace")"
  group="$(stat -c %g "$workspace")"
  if [ "$owner" != 0 ]; then
    groups="$group"
    socket=/var/run/docker.sock
    if [ -S "$socket" ]; then
      groups="$groups,$(stat -c %g "$socket")"
    fi
    exec setpriv --reuid="$owner" --regid="$group" --groups="$groups" --inh-caps=-all -- "${command[@]}" "$@"
  fi
fi
exec "${command[@]}" "$@"
