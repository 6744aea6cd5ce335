#!/usr/bin/env bash
# Prints a Markdown heading and a two-column table for $GITHUB_STEP_SUMMARY from environment variables, so step
# outputs reach the summary through env: and are never spliced into a script. Values go inside code spans (with
# backticks and pipes removed), so Markdown in them stays inert.
#   usage: summary-table.sh "Heading" "row label=VARIABLE" ...
set -euo pipefail
if [[ $# -lt 1 ]]; then
  echo "usage: summary-table.sh HEADING [LABEL=VARIABLE]..." >&2
  exit 2
fi
printf '## %s\n\n| | |\n| --- | --- |\n' "$1"
shift
for row in "$@"; do
  label="${row%%=*}"
  variable="${row#*=}"
  if [[ ! "$variable" =~ ^[A-Z_][A-Z0-9_]*$ ]]; then
    echo "summary-table.sh: \"$variable\" is not an environment variable name (expected LABEL=NAME)" >&2
    exit 2
  fi
  value="${!variable:-}"
  value="${value//\`/}"
  value="${value//|/\\|}"
  # shellcheck disable=SC2016 # the backticks are Markdown, not a command substitution
  printf '| %s | `%s` |\n' "$label" "${value:-—}"
done
