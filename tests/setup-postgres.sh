#!/usr/bin/env bash
# Makes a PostgreSQL server available for the tests and prints the connection string on stdout.
# Installs it with apt when missing, starts the local cluster, creates a throwaway role and
# database whose password is generated now (never stored in the repo). Never prompts.
# With TILSYN_TEST_PG already set, it only checks that server and echoes it back.
set -euo pipefail

log() { echo "setup-postgres: $*" >&2; }

if [ -n "${TILSYN_TEST_PG:-}" ]; then
  echo "$TILSYN_TEST_PG"
  exit 0
fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql with apt"
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  log "creating cluster $version main"
  as_root pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  log "starting cluster $version main"
  as_root pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')

for _ in $(seq 1 50); do
  as_root runuser -u postgres -- pg_isready -q -p "$port" && break
  sleep 0.2
done

# The test projects run side by side, each with its own pools, and the cluster test adds silos: more than
# PostgreSQL's default 100 connections. Raised once (a restart), on a server that has fewer.
max_connections=$(as_root runuser -u postgres -- psql -X -A -t -p "$port" -c "SHOW max_connections")
if [ "$max_connections" -lt 300 ]; then
  log "raising max_connections from $max_connections to 300 (restart)"
  as_root runuser -u postgres -- psql -X -q -p "$port" -c "ALTER SYSTEM SET max_connections = 300" >&2
  as_root pg_ctlcluster "$version" main restart >&2
  for _ in $(seq 1 50); do
    as_root runuser -u postgres -- pg_isready -q -p "$port" && break
    sleep 0.2
  done
fi

# A role of its own per run: re-keying a shared role would break runs already using it.
db="tilsyn_test_$$_$(date +%s)"
role="$db"
password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
psql_admin() { as_root runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -p "$port" "$@" >&2; }
psql_admin -c "CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password';"
# Tests drop their scratch databases WITH (FORCE), which must also end an autovacuum worker that happens to be in one.
psql_admin -c "GRANT pg_signal_backend TO $role;"
psql_admin -c "CREATE DATABASE $db OWNER $role;"
log "database $db ready on port $port"
echo "Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=$db;Maximum Pool Size=50"
