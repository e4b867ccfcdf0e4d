#!/usr/bin/env bash
# Throwaway PostgreSQL 15 cluster for the test suite.
#
#   scripts/pg.sh start   start it (a fresh cluster unless it is already running), create the role `tongxin`
#   scripts/pg.sh url     print the connection URL for the role `tongxin`
#   scripts/pg.sh status  exit 0 if it is running, 3 if not
#   scripts/pg.sh stop    stop it and delete its data
#
# It listens on 127.0.0.1 only, on port $TX_PG_PORT (default 54329), with its data and socket
# in $TX_PG_DIR (default /tmp/tongxin-pg-<port>). Run as root, the server runs as the `postgres`
# user (PostgreSQL refuses to run as root); run as a normal user, it runs as that user.
# Durability is switched off: this cluster is for tests only.
set -euo pipefail

PG_BIN="${TX_PG_BIN:-/usr/lib/postgresql/15/bin}"
PORT="${TX_PG_PORT:-54329}"
BASE="${TX_PG_DIR:-/tmp/tongxin-pg-${PORT}}"
DATA="$BASE/data"
LOG="$BASE/server.log"
ROLE=tongxin
PASSWORD=tongxin

die() {
  echo "pg.sh: $*" >&2
  exit 1
}

# Run a command as the user that owns the cluster.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd "$BASE" && runuser -u postgres -- "$@")
  else
    (cd "$BASE" && "$@")
  fi
}

is_running() {
  [[ -f "$DATA/PG_VERSION" ]] || return 1
  as_owner "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

admin_psql() {
  as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$BASE" -p "$PORT" -U postgres -d postgres "$@"
}

show_log() {
  if [[ -f "$LOG" ]]; then
    echo "pg.sh: last lines of $LOG:" >&2
    tail -n 30 "$LOG" >&2 || true
  fi
}

is_ready() {
  as_owner "$PG_BIN/pg_isready" -q -h "$BASE" -p "$PORT" >/dev/null 2>&1
}

wait_ready() {
  local tries=$1
  for _ in $(seq 1 "$tries"); do
    if is_ready; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

start() {
  [[ -x "$PG_BIN/initdb" ]] ||
    die "PostgreSQL 15 not found in $PG_BIN (install it: apt-get install -y postgresql-15)"
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to run the server"
  fi

  if [[ -d "$BASE" ]] && is_running && wait_ready 10; then
    ensure_role
    return 0
  fi

  # Absent, stopped or broken: this cluster holds nothing worth keeping, so start afresh.
  if [[ -f "$DATA/PG_VERSION" ]]; then
    as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$BASE"
  mkdir -p "$BASE"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$BASE"
  fi
  chmod 700 "$BASE"

  if ! as_owner "$PG_BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$BASE/initdb.log" 2>&1; then
    cat "$BASE/initdb.log" >&2
    die "initdb failed"
  fi
  as_owner tee -a "$DATA/postgresql.conf" >/dev/null <<EOF

# Throwaway test cluster (scripts/pg.sh)
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$BASE'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
timezone = 'UTC'
log_min_messages = warning
EOF

  if ! as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null 2>&1; then
    show_log
    die "could not start PostgreSQL on 127.0.0.1:$PORT (is the port taken?)"
  fi
  if ! wait_ready 120; then
    show_log
    die "PostgreSQL on port $PORT did not become ready"
  fi
  ensure_role
}

ensure_role() {
  admin_psql <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
  ELSE
    ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
  END IF;
END
\$\$;
SQL
}

stop() {
  if [[ ! -d "$BASE" ]]; then
    return 0
  fi
  if is_running; then
    if ! as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null 2>&1; then
      as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
        die "could not stop PostgreSQL in $DATA"
    fi
  fi
  rm -rf "$BASE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/postgres" ;;
  status)
    if is_running; then
      echo "running on 127.0.0.1:$PORT"
    else
      echo "not running"
      exit 3
    fi
    ;;
  *)
    echo "usage: $0 start|stop|url|status" >&2
    exit 2
    ;;
esac
