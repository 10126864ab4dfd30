#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine with Node 20: installs the
# system packages the lab hosts and the modules' tests need (as root), pnpm and
# the workspace, builds, type-checks and runs every unit and integration test.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ]; then
  need=()
  # sshd and namespaces for lab hosts; sudo for become; the tools modules drive
  # on targets (iptables, crontab, archives, downloads, busybox-only runs).
  for pkg in openssh-server openssh-client iproute2 iptables dpkg-dev util-linux procps sudo attr \
    cron curl wget zip unzip xz-utils bzip2 file busybox-static; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
  done
  if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi

PNPM="npx --yes pnpm@9.15.9"
$PNPM install --frozen-lockfile
$PNPM test "$@"
