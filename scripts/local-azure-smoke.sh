#!/usr/bin/env bash
# The README's "Local development against the emulators", as a script CI runs on freshly started emulators:
# the `billing` CLI with --backend azure against Azurite and the Cosmos DB stand-in, with the settings of
# functions/Billing.Functions/local.settings.sample.json. Each step must exit 0:
#   1. accounts import   2. ingest a camt.053   3. suspense list   4. report   5. poison list   6. events status
# The CLI creates the database, containers, queues and blob containers itself (loopback endpoints only): each run
# uses names of its own, so it starts from nothing even on long-running emulators. Service Bus: used when its
# emulator answers on localhost:5672; otherwise the integration events wait in the outbox, and step 6 must show them.
# Needs the emulators running (scripts/emulators-start.sh) and the CLI built (built here if missing).
# Exit 0 when every step passed; otherwise 1, naming the step, with its output.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

fail() { echo "local-azure-smoke: FAILED: $*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

for port in 10000 10001 8081; do
  port_open "$port" || fail "nothing answers on 127.0.0.1:$port; start the emulators with scripts/emulators-start.sh"
done

billing="${BILLING_CLI:-$root/artifacts/bin/Billing.Cli/debug/billing}"
if [ ! -x "$billing" ]; then
  echo "local-azure-smoke: building the CLI"
  dotnet build functions/Billing.Cli -c Debug -nologo -clp:ErrorsOnly >/dev/null || fail "the CLI does not build"
fi

# The app's local settings, as environment variables (what `func start` would read from local.settings.json).
while IFS= read -r -d '' setting; do
  export "$setting"
done < <(node -e '
  const values = require(process.argv[1]).Values;
  for (const [key, value] of Object.entries(values)) process.stdout.write(`${key}=${value}\0`);
' "$root/functions/Billing.Functions/local.settings.sample.json")

run_id="smoke$(date +%s)$RANDOM"
export COSMOS_DATABASE="$run_id"
export BILL_ACCOUNT_QUEUE="$run_id-bill-account" SEND_INVOICE_QUEUE="$run_id-send-invoice" DUNNING_NOTICE_QUEUE="$run_id-dunning-notice" SCHEDULE_BILLING_PAGE_QUEUE="$run_id-schedule-billing-page" SCHEDULE_DUNNING_PAGE_QUEUE="$run_id-schedule-dunning-page"
export BANK_FILES_CONTAINER="$run_id-bank-files" INVOICES_CONTAINER="$run_id-invoices" REPORTS_CONTAINER="$run_id-reports"
service_bus=0
if port_open 5672; then
  service_bus=1
  echo "local-azure-smoke: a Service Bus emulator answers on localhost:5672: events are relayed to it"
else
  unset SERVICEBUS__connectionString
  echo "local-azure-smoke: no Service Bus emulator: events wait in the outbox"
fi
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

step() { # name, then the billing arguments
  local name="$1"; shift
  echo "== $name: billing --backend azure $*"
  if ! "$billing" --backend azure --data "$data" "$@" >"$data/out.txt" 2>&1; then
    cat "$data/out.txt" >&2
    fail "step '$name' (billing --backend azure $*) exited non-zero"
  fi
  sed 's/^/   /' "$data/out.txt"
}

step "import accounts" accounts import tests/Billing.Cli.Tests/Examples/accounts.json
step "ingest a camt.053" ingest scripts/local-azure/statement.camt053.xml
step "list suspense" suspense list
step "write reports" report --at 2026-03-02
step "list poison" poison list
step "events status" events status --json

waiting=$(node -e 'process.stdout.write(String(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).waiting))' "$data/out.txt")
if [ "$service_bus" = 1 ]; then
  step "relay events" events relay
  echo "local-azure-smoke: passed ($waiting events were waiting before the relay)"
elif [ "$waiting" -gt 0 ]; then
  echo "local-azure-smoke: passed ($waiting events wait in the outbox for a Service Bus)"
else
  fail "events status shows no waiting events, but no Service Bus was there to take them"
fi
