#!/usr/bin/env bash
# Makes sure the machine's PostgreSQL runs and holds, per service, the databases and roles that
# docs/architecture.md ("Databases and roles") describes. Idempotent: safe to run at every start.
#
# Per service <svc> in contracts, knowledge, reporting, gateway, notifications, people:
#   roles      <svc>_owner, <svc>_app   LOGIN, password = role name (development only), no superpowers
#   databases  <svc>, <svc>_test        owned by <svc>_owner, CONNECT for both roles only
#   schema     public                   owned by <svc>_owner, USAGE for <svc>_app
# Table privileges are not granted here: each service's Flyway migrations grant them to ${app_role}.
set -euo pipefail

SERVICES=(contracts knowledge reporting gateway notifications people)
PG_PORT=${PG_PORT:-5432}

say()  { printf '[db] %s\n' "$*"; }
fail() { printf '[db] ERROR: %s\n' "$*" >&2; exit 1; }

# psql as the postgres OS user (peer authentication over the local socket)
as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  elif [ "$(id -un)" = postgres ]; then
    "$@"
  else
    sudo -u postgres -- "$@"
  fi
}
psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@"; }

ensure_installed() {
  if command -v pg_lsclusters >/dev/null 2>&1; then return; fi
  say "PostgreSQL is not installed: installing it from Debian's packages"
  [ "$(id -u)" = 0 ] || fail "installing PostgreSQL needs root (apt-get install -y postgresql)"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
}

ensure_running() {
  local line ver name port status
  line=$(pg_lsclusters --no-header 2>/dev/null | awk -v p="$PG_PORT" '$3 == p { print; exit }')
  if [ -z "$line" ]; then
    ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
    [ -n "$ver" ] || fail "no PostgreSQL server version under /usr/lib/postgresql"
    say "no cluster on port $PG_PORT: creating $ver/main"
    pg_createcluster "$ver" main --port "$PG_PORT"
    line=$(pg_lsclusters --no-header | awk -v p="$PG_PORT" '$3 == p { print; exit }')
  fi
  read -r ver name port status _ <<<"$line"
  if [ "$status" != online ]; then
    say "starting PostgreSQL cluster $ver/$name (port $port)"
    pg_ctlcluster "$ver" "$name" start
  fi
  local _
  for _ in $(seq 1 30); do
    if pg_isready -q -h localhost -p "$PG_PORT"; then
      say "PostgreSQL $ver/$name is ready on localhost:$PG_PORT"
      return
    fi
    sleep 1
  done
  fail "PostgreSQL did not become ready on localhost:$PG_PORT within 30 s (see /var/log/postgresql/)"
}

create_roles_and_databases() {
  local svc sql=""
  for svc in "${SERVICES[@]}"; do
    local role
    for role in "${svc}_owner" "${svc}_app"; do
      sql+="
SELECT format('CREATE ROLE %I', '$role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') \\gexec
ALTER ROLE \"$role\" WITH LOGIN PASSWORD '$role' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;"
    done
    local db
    for db in "$svc" "${svc}_test"; do
      sql+="
SELECT format('CREATE DATABASE %I OWNER %I', '$db', '${svc}_owner') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db') \\gexec
ALTER DATABASE \"$db\" OWNER TO \"${svc}_owner\";
REVOKE ALL ON DATABASE \"$db\" FROM PUBLIC;
GRANT CONNECT ON DATABASE \"$db\" TO \"${svc}_owner\", \"${svc}_app\";"
    done
  done
  psql_admin -d postgres <<<"$sql"
}

secure_public_schemas() {
  local svc db
  for svc in "${SERVICES[@]}"; do
    for db in "$svc" "${svc}_test"; do
      psql_admin -d "$db" <<SQL
ALTER SCHEMA public OWNER TO "${svc}_owner";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO "${svc}_app";
SQL
    done
  done
}

check_password_login() {
  local svc
  for svc in "${SERVICES[@]}"; do
    PGPASSWORD="${svc}_app" psql -X -q -h localhost -p "$PG_PORT" -U "${svc}_app" -d "$svc" -tAc 'select 1' >/dev/null \
      || fail "password login over TCP failed for ${svc}_app@localhost/$svc: check pg_hba.conf (host ... scram-sha-256 for 127.0.0.1/32 and ::1/128)"
  done
  say "password login over TCP works for ${SERVICES[*]/%/_app}"
}

ensure_installed
ensure_running
create_roles_and_databases
secure_public_schemas
check_password_login
say "databases and roles ready: ${SERVICES[*]} (+ _test)"
