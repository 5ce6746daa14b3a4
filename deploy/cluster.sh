#!/usr/bin/env bash
# A local OrleansTilsyn cluster: N silo+gateway processes on their own ports, all on one Azure Storage account
# (Azurite here) and one signing key. See deploy/README.md.
#
#   deploy/cluster.sh start [N]     build if needed, start N silos (default 2) and wait until each serves
#   deploy/cluster.sh stop          SIGTERM every silo and wait (and stop the Azurite this script started)
#   deploy/cluster.sh kill I        SIGKILL silo I (a crash: no shutdown, its membership row left "active")
#   deploy/cluster.sh start-silo I  start silo I again (after kill) and wait until it serves
#   deploy/cluster.sh status        one line per silo: pid, ports, alive or not
#   deploy/cluster.sh tokens        demo tokens (JSON) signed with the cluster's key
#   deploy/cluster.sh ports I       "GRPC_PORT HTTP_PORT SILO_PORT GATEWAY_PORT" of silo I
#   deploy/cluster.sh store         the cluster's store (JSON): Azure connection string, table prefix, cluster id
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
dir=${TILSYN_CLUSTER_DIR:-$here/.cluster}
base_port=${TILSYN_CLUSTER_BASE_PORT:-5100}
dll=${TILSYN_GATEWAY_DLL:-$repo/src/Gateway/bin/Release/net10.0/OrleansTilsyn.Gateway.dll}

log() { echo "cluster: $*" >&2; }
die() { log "$*"; exit 1; }

http_port() { echo $((base_port + $1 * 10)); }
grpc_port() { echo $((base_port + $1 * 10 + 1)); }
silo_port() { echo $((base_port + $1 * 10 + 2)); }
orleans_gateway_port() { echo $((base_port + $1 * 10 + 3)); }
pid_of() { cat "$dir/silo-$1.pid" 2>/dev/null || true; }
alive() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

ensure_built() {
  if [ ! -f "$dll" ]; then
    log "building the gateway"
    dotnet build "$repo/src/Gateway" -c Release -v q -nologo >&2
  fi
}

# The storage account: TILSYN_CLUSTER_AZURE, else TILSYN_TEST_AZURITE (the test runner's Azurite), else an Azurite
# of the cluster's own, started at the first start in $dir/azurite (tests/start-azurite.sh) and stopped by `stop`.
# The connection string of one started here is kept in the cluster folder (mode 600) while it runs.
connection_string() {
  if [ -n "${TILSYN_CLUSTER_AZURE:-}" ]; then
    echo "$TILSYN_CLUSTER_AZURE"
  elif [ -n "${TILSYN_TEST_AZURITE:-}" ]; then
    echo "$TILSYN_TEST_AZURITE"
  elif [ -f "$dir/azure" ]; then
    cat "$dir/azure"
  else
    local started
    log "starting Azurite in $dir/azurite"
    started=$(env -u TILSYN_TEST_AZURITE bash "$repo/tests/start-azurite.sh" "$dir/azurite")
    (umask 077; echo "$started" > "$dir/azure")
    echo "$started"
  fi
}

# The cluster's name: its Azure tables' prefix (several clusters may share one account) and its Orleans cluster id.
# TILSYN_CLUSTER_TABLE_PREFIX, else one chosen at the first start and kept in the cluster folder.
table_prefix() {
  if [ -n "${TILSYN_CLUSTER_TABLE_PREFIX:-}" ]; then
    echo "$TILSYN_CLUSTER_TABLE_PREFIX"
  else
    [ -f "$dir/table-prefix" ] || echo "Cluster$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')" > "$dir/table-prefix"
    cat "$dir/table-prefix"
  fi
}

# The environment every silo shares (deploy/cluster.env), then its own name and ports.
run_silo() {
  local i=$1
  set -a
  # shellcheck source=cluster.env
  . "$here/cluster.env"
  set +a
  local prefix
  prefix=$(table_prefix)
  export Storage__AzureConnectionString="$(connection_string)"
  export Storage__TablePrefix="$prefix"
  export Storage__DataDirectory="$dir/shared"
  export Silo__ClusterId="${prefix,,}"
  export Silo__SiloName="silo-$i"
  export Silo__SiloPort="$(silo_port "$i")"
  export Silo__GatewayPort="$(orleans_gateway_port "$i")"
  export Gateway__Endpoints__GrpcPort="$(grpc_port "$i")"
  export Gateway__Endpoints__HttpPort="$(http_port "$i")"
  exec dotnet "$dll"
}

wait_serving() {
  local i=$1 port
  port=$(http_port "$i")
  for _ in $(seq 1 240); do
    alive "$i" || die "silo $i exited; its log: $dir/silo-$i.log"$'\n'"$(tail -n 30 "$dir/silo-$i.log")"
    if curl -s --max-time 2 "http://127.0.0.1:$port/healthz" | grep -q '^Healthy$'; then
      log "silo $i serving (gRPC 127.0.0.1:$(grpc_port "$i"), HTTP 127.0.0.1:$port, pid $(pid_of "$i"))"
      return 0
    fi
    sleep 0.25
  done
  die "silo $i did not serve within 60 s; its log: $dir/silo-$i.log"
}

start_silo() {
  local i=$1
  alive "$i" && die "silo $i is already running (pid $(pid_of "$i"))"
  (run_silo "$i" >> "$dir/silo-$i.log" 2>&1 & echo $! > "$dir/silo-$i.pid")
  wait_serving "$i"
}

count() { ls "$dir"/silo-*.pid 2>/dev/null | wc -l; }

case "${1:-}" in
  start)
    n=${2:-2}
    mkdir -p "$dir/shared"
    ensure_built
    connection_string > /dev/null
    table_prefix > /dev/null
    # The signing key is made once, before the silos start, so they cannot race to create it.
    Auth__Demo=true Storage__DataDirectory="$dir/shared" dotnet "$dll" demo-tokens --json > /dev/null
    for i in $(seq 1 "$n"); do (start_silo "$i") & done
    wait_all=0
    for job in $(jobs -p); do wait "$job" || wait_all=1; done
    [ "$wait_all" = 0 ] || die "not every silo started"
    ;;
  stop)
    for f in "$dir"/silo-*.pid; do
      [ -f "$f" ] || continue
      pid=$(cat "$f")
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
      rm -f "$f"
    done
    if [ -f "$dir/azurite/azurite.pid" ]; then
      kill -TERM "$(cat "$dir/azurite/azurite.pid")" 2>/dev/null || true
      rm -f "$dir/azurite/azurite.pid" "$dir/azure"
      log "Azurite stopped (its tables were in memory)"
    fi
    log "stopped"
    ;;
  kill)
    [ -n "${2:-}" ] || die "which silo?"
    alive "$2" || die "silo $2 is not running"
    pid=$(pid_of "$2")
    kill -KILL "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    log "silo $2 killed (SIGKILL)"
    ;;
  start-silo)
    [ -n "${2:-}" ] || die "which silo?"
    ensure_built
    start_silo "$2"
    ;;
  status)
    for i in $(seq 1 "$(count)"); do
      if alive "$i"; then state=alive; else state=down; fi
      echo "silo-$i pid=$(pid_of "$i") grpc=127.0.0.1:$(grpc_port "$i") http=127.0.0.1:$(http_port "$i") silo=127.0.0.1:$(silo_port "$i") gateway=127.0.0.1:$(orleans_gateway_port "$i") $state"
    done
    ;;
  tokens)
    Auth__Demo=true Storage__DataDirectory="$dir/shared" dotnet "$dll" demo-tokens --json
    ;;
  ports)
    echo "$(grpc_port "$2") $(http_port "$2") $(silo_port "$2") $(orleans_gateway_port "$2")"
    ;;
  store)
    prefix=$(table_prefix)
    CONNECTION="$(connection_string)" PREFIX="$prefix" CLUSTER="${prefix,,}" node -e \
      'console.log(JSON.stringify({ connectionString: process.env.CONNECTION, tablePrefix: process.env.PREFIX, clusterId: process.env.CLUSTER }))'
    ;;
  *)
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
