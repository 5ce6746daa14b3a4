#!/usr/bin/env bash
# A local OrleansTilsyn cluster: PostgreSQL plus N silo+gateway processes on their own ports, all on one
# database and one signing key. See deploy/README.md.
#
#   deploy/cluster.sh start [N]     build if needed, start N silos (default 2) and wait until each serves
#   deploy/cluster.sh stop          SIGTERM every silo and wait
#   deploy/cluster.sh kill I        SIGKILL silo I (a crash: no shutdown, leases left behind)
#   deploy/cluster.sh start-silo I  start silo I again (after kill) and wait until it serves
#   deploy/cluster.sh status        one line per silo: pid, ports, alive or not
#   deploy/cluster.sh tokens        demo tokens (JSON) signed with the cluster's key
#   deploy/cluster.sh ports I       "GRPC_PORT HTTP_PORT" of silo I
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
dir=${TILSYN_CLUSTER_DIR:-$here/.cluster}
base_port=${TILSYN_CLUSTER_BASE_PORT:-5100}
dll=${TILSYN_GATEWAY_DLL:-$repo/src/Gateway/bin/Release/net10.0/OrleansTilsyn.Gateway.dll}

log() { echo "cluster: $*" >&2; }
die() { log "$*"; exit 1; }

grpc_port() { echo $((base_port + $1 * 10 + 1)); }
http_port() { echo $((base_port + $1 * 10)); }
pid_of() { cat "$dir/silo-$1.pid" 2>/dev/null || true; }
alive() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

ensure_built() {
  if [ ! -f "$dll" ]; then
    log "building the gateway"
    dotnet build "$repo/src/Gateway" -c Release -v q -nologo >&2
  fi
}

# The database: TILSYN_CLUSTER_PG, or the one chosen at the first start, or a new one from tests/setup-postgres.sh.
connection_string() {
  if [ -n "${TILSYN_CLUSTER_PG:-}" ]; then
    echo "$TILSYN_CLUSTER_PG"
  elif [ -f "$dir/postgres" ]; then
    cat "$dir/postgres"
  else
    local created
    created=$(env -u TILSYN_TEST_PG bash "$repo/tests/setup-postgres.sh")
    (umask 077; echo "$created" > "$dir/postgres")
    echo "$created"
  fi
}

# The environment every silo shares (deploy/cluster.env), then its own name and ports.
run_silo() {
  local i=$1
  set -a
  # shellcheck source=cluster.env
  . "$here/cluster.env"
  set +a
  # A bounded pool per silo, so a few silos and the tests fit in PostgreSQL's default 100 connections.
  export Storage__ConnectionString="$(connection_string);Maximum Pool Size=${TILSYN_CLUSTER_POOL_SIZE:-20}"
  export Storage__DataDirectory="$dir/shared"
  export Silo__SiloName="silo-$i"
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
      echo "silo-$i pid=$(pid_of "$i") grpc=127.0.0.1:$(grpc_port "$i") http=127.0.0.1:$(http_port "$i") $state"
    done
    ;;
  tokens)
    Auth__Demo=true Storage__DataDirectory="$dir/shared" dotnet "$dll" demo-tokens --json
    ;;
  ports)
    echo "$(grpc_port "$2") $(http_port "$2")"
    ;;
  *)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
