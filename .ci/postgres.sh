#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the integration tests.
# Source it, then:  pg_start   (exports KG_TEST_POSTGRES, stops the cluster
# on exit) — or run it:  .ci/postgres.sh   (starts one and prints the DSN;
# stop it with .ci/postgres.sh stop DIR).
# Debian's postgresql package provides the binaries; the server refuses to
# run as root, so as root the cluster belongs to the postgres user.

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$d" ]; then
    local SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    d=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  echo "$d"
}

pg_as() { # run a command as the cluster's owner
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_free_port() {
  local p
  for p in $(seq 55432 55532); do
    if ! (echo >/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo $p; return; fi
  done
  echo "no free port in 55432-55532" >&2; return 1
}

pg_start() {
  local bin port pass
  bin=$(pg_bin)
  port=$(pg_free_port)
  pass=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
  PG_DIR=$(mktemp -d /tmp/kg-pg.XXXXXX)
  chmod 755 "$PG_DIR"
  echo "$pass" >"$PG_DIR/pw"
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$PG_DIR"
  pg_as "$bin/initdb" -D "$PG_DIR/data" -U kg --pwfile="$PG_DIR/pw" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 >"$PG_DIR/initdb.log" 2>&1 ||
    { cat "$PG_DIR/initdb.log" >&2; return 1; }
  pg_as "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-k $PG_DIR -h 127.0.0.1 -p $port" start >/dev/null ||
    { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_BIN=$bin
  trap pg_stop EXIT
  trap 'pg_stop; exit 130' INT TERM HUP
  PGPASSWORD=$pass "$bin/psql" -q -h 127.0.0.1 -p "$port" -U kg -d postgres -c 'CREATE DATABASE kg' >/dev/null
  export KG_TEST_POSTGRES="postgres://kg:$pass@127.0.0.1:$port/kg?sslmode=disable"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  if [ "${1:-}" = stop ]; then
    PG_DIR=$2 PG_BIN=$(pg_bin) pg_stop
    exit
  fi
  pg_start
  trap - EXIT
  echo "export KG_TEST_POSTGRES='$KG_TEST_POSTGRES'  # stop: $0 stop $PG_DIR"
fi
