#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: Debian's Chromium, which the report tests
# drive headless through Playwright (never a downloaded browser). Idempotent and quiet: does
# nothing when /usr/bin/chromium is already there. Needs root (CI runs as root) or sudo.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-prerequisites: /usr/bin/chromium is missing and apt-get is not available; install Chromium by hand" >&2
  exit 1
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "install-prerequisites: run as root (or install sudo) to install chromium" >&2
    exit 1
  fi
fi

echo "== prerequisites: installing chromium"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq >/dev/null
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null

if [ ! -x /usr/bin/chromium ]; then
  echo "install-prerequisites: chromium was installed but /usr/bin/chromium is not there" >&2
  exit 1
fi
