#!/usr/bin/env bash
# Stops the emulators scripts/emulators-start.sh started (by the PIDs it wrote to .emulators/*.pid).
set -euo pipefail

dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.emulators"
for name in azurite cosmosdb; do
  pidfile="$dir/$name.pid"
  [ -f "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    echo "emulators: stopped $name (pid $pid)"
  fi
  rm -f "$pidfile"
done
