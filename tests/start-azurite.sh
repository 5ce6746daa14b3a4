#!/usr/bin/env bash
# Starts Azurite (the Azure Storage emulator, from tests/Azurite's lock file) in memory on free
# loopback ports, with an account whose key is generated now, and prints its connection string on
# stdout. Usage: start-azurite.sh DIR  (DIR receives azurite.pid and azurite.log; stop it with
# `kill $(cat DIR/azurite.pid)`). With TILSYN_TEST_AZURITE already set, it echoes that back.
set -euo pipefail
cd "$(dirname "$0")"

if [ -n "${TILSYN_TEST_AZURITE:-}" ]; then
  echo "$TILSYN_TEST_AZURITE"
  exit 0
fi

dir=${1:?usage: start-azurite.sh DIR}
mkdir -p "$dir"
[ -x Azurite/node_modules/.bin/azurite ] || (cd Azurite && npm ci --no-audit --no-fund --loglevel=error >&2)

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'; }
blob=$(free_port); queue=$(free_port); table=$(free_port)
account=tilsyntest
key=$(head -c 64 /dev/urandom | base64 -w0)

AZURITE_ACCOUNTS="$account:$key" nohup Azurite/node_modules/.bin/azurite --silent --inMemoryPersistence \
  --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
  --tableHost 127.0.0.1 --tablePort "$table" --skipApiVersionCheck --disableProductStyleUrl \
  >"$dir/azurite.log" 2>&1 &
echo $! >"$dir/azurite.pid"

for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$table") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$blob") 2>/dev/null; then
    echo "DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/$account;QueueEndpoint=http://127.0.0.1:$queue/$account;TableEndpoint=http://127.0.0.1:$table/$account;"
    exit 0
  fi
  sleep 0.2
done
echo "start-azurite: Azurite did not start; log:" >&2
cat "$dir/azurite.log" >&2
exit 1
