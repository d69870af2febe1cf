#!/usr/bin/env bash
# Starts the local Azure stand-ins the Azure adapter tests run against:
#   Azurite 3.37.0 (Blob 127.0.0.1:10000, Queue :10001, Table :10002; in memory)
#   @vercel/cosmosdb-server 1.0.1 (Cosmos DB gateway API, https://127.0.0.1:8081, self-signed cert, in memory)
# Installs them with npm into .emulators/ (git-ignored) from scripts/emulators/package.json (+ lock),
# writes their PIDs to .emulators/*.pid, and waits until the ports answer (60 s, else exit 1).
# Idempotent: an emulator that is already running is left alone.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$repo/.emulators"
mkdir -p "$dir"

install() {
  if ! cmp -s "$repo/scripts/emulators/package.json" "$dir/package.json" || [ ! -d "$dir/node_modules/azurite" ] || [ ! -d "$dir/node_modules/@vercel/cosmosdb-server" ]; then
    echo "emulators: installing azurite and @vercel/cosmosdb-server into $dir"
    cp "$repo/scripts/emulators/package.json" "$dir/package.json"
    if [ -f "$repo/scripts/emulators/package-lock.json" ]; then
      cp "$repo/scripts/emulators/package-lock.json" "$dir/package-lock.json"
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    else
      (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
    fi
  fi

  # The one-line fix for @vercel/cosmosdb-server 1.0.1 (see shared/design/LOCAL-AZURE.md): reading a missing
  # item answers 500 (it dereferences the undefined result) instead of 404. We make read-document.js answer
  # 404 when read() returns nothing. Idempotent: the marker comment shows the fix is in.
  local handler="$dir/node_modules/@vercel/cosmosdb-server/lib/handler/read-document.js"
  if ! grep -q "billing-404-fix" "$handler"; then
    # After `const data = collection.document(docId, parsedPartitionKey).read();` insert the 404 answer.
    sed -i 's|^\(\s*\)const data = collection.document(docId, parsedPartitionKey).read();$|&\n\1if (!data) { res.statusCode = 404; return { code: "NotFound", message: "Entity with the specified id does not exist in the system." }; } // billing-404-fix|' "$handler"
    grep -q "billing-404-fix" "$handler" || { echo "emulators: could not apply the 404 fix to $handler" >&2; exit 1; }
    echo "emulators: applied the read-document 404 fix to $handler"
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running() { [ -f "$dir/$1.pid" ] && kill -0 "$(cat "$dir/$1.pid")" 2>/dev/null; }

start() { # name port command...
  local name="$1" port="$2"; shift 2
  if running "$name" || port_open "$port"; then
    echo "emulators: $name already running (port $port)"
    return
  fi
  nohup "$@" >"$dir/$name.log" 2>&1 &
  echo $! >"$dir/$name.pid"
  echo "emulators: started $name (pid $(cat "$dir/$name.pid"), log $dir/$name.log)"
}

wait_for() { # name port
  local deadline=$((SECONDS + 60))
  until port_open "$2"; do
    if [ $SECONDS -ge $deadline ]; then
      echo "emulators: $1 did not answer on 127.0.0.1:$2 within 60 s; see $dir/$1.log" >&2
      tail -n 20 "$dir/$1.log" >&2 || true
      exit 1
    fi
    sleep 0.3
  done
}

install
bin="$dir/node_modules/.bin"
start azurite 10001 "$bin/azurite" --silent --inMemoryPersistence --skipApiVersionCheck --disableTelemetry \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1
start cosmosdb 8081 "$bin/cosmosdb-server" -p 8081 --host 127.0.0.1
wait_for azurite 10000
wait_for azurite 10001
wait_for cosmosdb 8081
echo "emulators: ready (Azurite UseDevelopmentStorage=true, Cosmos https://127.0.0.1:8081)"
