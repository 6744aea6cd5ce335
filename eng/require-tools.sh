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
