#!/usr/bin/env bash
# Installs what building and testing need, when missing: Debian packages (libcurl, SQLite, libedit)
# and, with --python, a virtualenv of reference libraries and servers for fixtures and integration tests.
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for pkg in libcurl4-openssl-dev libsqlite3-dev libedit-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "setup: swift is not on PATH (Swift 6.1 or later is needed)"; exit 1; }

if [ "${1:-}" = "--python" ]; then
  venv=$(scripts/venv.sh)
  echo "$venv"
fi
