#!/usr/bin/env bash
# Runs every test on a fresh machine: Debian's chromium (installed when missing),
# npm packages of the interop client, browser tests and Azurite (started for the run), the web front end built, restore, build,
# test. Nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
if [ ! -x /usr/bin/chromium ]; then
  echo "run-all: installing chromium with apt (browser tests)" >&2
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
fi

# The web front end the gateway serves (src/Web/dist), built from its lock file.
(cd src/Web && npm ci --no-audit --no-fund --loglevel=error && npm run build)

for lock in tests/*/package-lock.json; do
  [ -f "$lock" ] || continue
  (cd "$(dirname "$lock")" && npm ci --no-audit --no-fund --loglevel=error)
done

# Azurite (Azure Storage emulator, from tests/Azurite's lock file) for the Azure provider tests; stopped on exit.
azurite_dir=$(mktemp -d)
TILSYN_TEST_AZURITE=$(bash tests/start-azurite.sh "$azurite_dir")
export TILSYN_TEST_AZURITE
trap 'if [ -f "$azurite_dir/azurite.pid" ]; then kill "$(cat "$azurite_dir/azurite.pid")" 2>/dev/null || true; fi' EXIT

dotnet restore OrleansTilsyn.sln
dotnet build OrleansTilsyn.sln --no-restore -c Release
mkdir -p .test-artifacts
status=0
dotnet test OrleansTilsyn.sln --no-build -c Release 2>&1 | tee .test-artifacts/test-output.log || status=$?

# One plain closing line over all test projects; a skipped test fails the run.
summary=$(grep -E '^(Passed|Failed)!' .test-artifacts/test-output.log | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' |
  awk '{f+=$1; p+=$2; s+=$3} END {print p+0, f+0, s+0}')
read -r passed failed skipped <<<"$summary"
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$skipped" != 0 ]; then echo "skipped tests are not allowed" >&2; status=1; fi
if [ "$passed" = 0 ]; then echo "no test ran" >&2; status=1; fi
exit "$status"
