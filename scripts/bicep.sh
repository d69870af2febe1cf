#!/usr/bin/env bash
# Builds and lints infra/main.bicep with the offline Bicep CLI that NuGet ships
# (Azure.Bicep.CommandLine.linux-x64, pulled by tests/Billing.Infra.Tests through a PackageDownload).
#
#   scripts/bicep.sh            build (ARM JSON to artifacts/bicep/main.json) + lint; fails on any warning
#   scripts/bicep.sh build      build only, ARM JSON to stdout
#   scripts/bicep.sh lint       lint only
#
# Restores the test project first if the package is not in the NuGet cache yet.
set -euo pipefail

repo_root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
infra_project="$repo_root/tests/Billing.Infra.Tests/Billing.Infra.Tests.csproj"
version=$(sed -n 's:.*<BicepVersion>\(.*\)</BicepVersion>.*:\1:p' "$infra_project")

# Bicep writes its settings under $HOME; give it a writable one when there is none.
if [ -z "${HOME:-}" ] || [ ! -w "${HOME}" ]; then
  export HOME="${TMPDIR:-/tmp}/bicep-home"
  mkdir -p "$HOME"
fi

packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
if [ ! -f "$bicep" ]; then
  dotnet restore "$infra_project" >&2
fi
if [ ! -f "$bicep" ]; then
  echo "bicep $version not found at $bicep after restore" >&2
  exit 1
fi
[ -x "$bicep" ] || chmod +x "$bicep"

# Bicep reports diagnostics on stderr and still exits 0 for warnings: fail on any of them.
run_checked() {
  local diagnostics
  diagnostics=$(mktemp)
  if ! "$bicep" "$@" 2>"$diagnostics"; then
    cat "$diagnostics" >&2
    rm -f "$diagnostics"
    return 1
  fi
  if grep -Eq ': (Warning|Error) ' "$diagnostics"; then
    cat "$diagnostics" >&2
    rm -f "$diagnostics"
    echo "bicep $1: diagnostics reported (warnings count as failures)" >&2
    return 1
  fi
  rm -f "$diagnostics"
}

main="$repo_root/infra/main.bicep"
case "${1:-all}" in
  build) run_checked build "$main" --stdout ;;
  lint) run_checked lint "$main" && echo "bicep lint: 0 warnings, 0 errors" ;;
  all)
    out="${BILLING_ARTIFACTS:-$repo_root/artifacts}/bicep"
    mkdir -p "$out"
    run_checked build "$main" --outfile "$out/main.json"
    echo "bicep build: 0 warnings, 0 errors -> $out/main.json"
    run_checked lint "$main"
    echo "bicep lint: 0 warnings, 0 errors"
    ;;
  *) echo "usage: $0 [build|lint]" >&2; exit 2 ;;
esac
