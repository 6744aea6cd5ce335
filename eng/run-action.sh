#!/bin/bash
# Entry point of the actions image: the first argument names the action (fixed in its action.yml),
# the rest are passed through unchanged.
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
if [ ! -f "/app/$action/$action.dll" ]; then
  echo "error: no action named '$action' in this image" >&2
  exit 2
fi
exec dotnet "/app/$action/$action.dll" "$@"
