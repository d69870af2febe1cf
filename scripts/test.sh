#!/usr/bin/env bash
# The one test command (README, CI): builds everything with warnings as errors, starts the emulators
# the integration tests need (Azurite, the Cosmos DB stand-in), runs every test project, stops the
# emulators, and prints one closing line "tests: N passed, M failed".
#
#   scripts/test.sh                 # everything
#   scripts/test.sh --filter X      # extra arguments go to `dotnet test`
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
log_dir="$root/artifacts/test-results"
rm -rf "$log_dir"
mkdir -p "$log_dir"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

started_emulators=0
cleanup() {
  if [ "$started_emulators" = 1 ]; then scripts/emulators-stop.sh >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

if [ -x scripts/install-prerequisites.sh ]; then
  scripts/install-prerequisites.sh
fi

echo "== build"
dotnet build BillingFunctions.sln -c Debug -nologo -clp:ErrorsOnly  # warnings are errors through Directory.Build.props

if [ -x scripts/emulators-start.sh ] && [ "${BILLING_SKIP_EMULATORS:-0}" != 1 ]; then
  echo "== emulators"
  scripts/emulators-start.sh
  started_emulators=1
fi

echo "== tests"
status=0
dotnet test BillingFunctions.sln --no-build -c Debug -nologo \
  --logger "trx" --results-directory "$log_dir" "$@" 2>&1 | tee "$log_dir/console.log" || status=$?

# The README's local-development walkthrough on the same fresh emulators (its failure fails the run).
smoke=skipped
if [ "$started_emulators" = 1 ]; then
  echo "== local-azure smoke (scripts/local-azure-smoke.sh)"
  if scripts/local-azure-smoke.sh 2>&1 | tee "$log_dir/local-azure-smoke.log"; then smoke=passed; else smoke=FAILED; fi
fi

# Sum the per-project summary lines ("Passed!  - Failed: 0, Passed: 72, Skipped: 0, ...").
passed=0 failed=0 skipped=0 projects=0
while IFS= read -r line; do
  p=$(sed -n 's/.*Passed: *\([0-9]*\).*/\1/p' <<<"$line"); f=$(sed -n 's/.*Failed: *\([0-9]*\),.*/\1/p' <<<"$line")
  s=$(sed -n 's/.*Skipped: *\([0-9]*\).*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0})); projects=$((projects + 1))
done < <(grep -E '^(Passed|Failed)! +- Failed: ' "$log_dir/console.log" || true)

echo
echo "test projects: $projects"
echo "local-azure smoke: $smoke"
if [ "$skipped" -gt 0 ]; then
  echo "tests: $passed passed, $failed failed, $skipped skipped"
else
  echo "tests: $passed passed, $failed failed"
fi
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ] || [ "$smoke" = FAILED ]; then
  exit 1
fi
