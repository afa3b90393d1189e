#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store's tests and benchmark: a temporary folder, a Unix
# socket in it and 127.0.0.1 on a free port, nothing else. Installs Debian's postgresql when missing.
#
#   scripts/postgres-cluster.sh start DIR     create and start; writes DIR/env (variables for the tests)
#   scripts/postgres-cluster.sh stop DIR      stop (fast) and delete DIR
#   scripts/postgres-cluster.sh kill DIR      stop at once, as a crash would (pg_ctl stop -m immediate)
#   scripts/postgres-cluster.sh restart DIR   start again after kill
#
# Roles: 'postgres' (trust, on the socket and loopback) and 'assess_pw' (password 'secret-pw',
# scram-sha-256), for the authentication tests.
set -euo pipefail

# The server outlives this script: it must not inherit a caller's descriptors (a test runner's
# pipes, which would then never close), so everything above stderr is closed first.
for fd in /proc/$$/fd/*; do
  n=${fd##*/}
  if [ "$n" -gt 2 ] 2>/dev/null; then eval "exec $n>&-" 2>/dev/null || true; fi
done

command=${1:?usage: postgres-cluster.sh start|stop|kill|restart DIR}
dir=${2:?usage: postgres-cluster.sh start|stop|kill|restart DIR}

bindir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$found" ]; then
    echo "installing PostgreSQL (Debian's postgresql package)" >&2
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
    found=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  echo "$found"
}

# Runs a command as the cluster's owner: 'postgres' when we are root (initdb refuses root).
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

BIN=$(bindir)

case "$command" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner mkdir -p "$dir/data" "$dir/socket"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    echo "secret-pw" > "$dir/pwfile.tmp"; chmod 644 "$dir/pwfile.tmp"
    as_owner "$BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$dir/pwfile.tmp"
    as_owner tee "$dir/data/pg_hba.conf" >/dev/null <<HBA
local all assess_pw scram-sha-256
host  all assess_pw 127.0.0.1/32 scram-sha-256
local all all trust
host  all all 127.0.0.1/32 trust
HBA
    echo "-k $dir/socket -c listen_addresses=127.0.0.1 -p $port -c fsync=on -c synchronous_commit=on" > "$dir/options"
    as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(cat "$dir/options")" start >/dev/null
    psql() { "$BIN/psql" -X -q -h "$dir/socket" -p "$port" -U postgres "$@"; }
    psql -d postgres -c "CREATE ROLE assess_pw LOGIN PASSWORD 'secret-pw'" >/dev/null
    psql -d postgres -c "CREATE DATABASE assess_pw OWNER assess_pw" >/dev/null
    cat > "$dir/env" <<ENV
export ASSESS_TEST_POSTGRES='postgres://postgres@/postgres?host=$dir/socket&port=$port'
export ASSESS_TEST_POSTGRES_TCP='postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable'
export ASSESS_TEST_POSTGRES_PASSWORD_URL='postgres://assess_pw@127.0.0.1:$port/assess_pw?sslmode=disable'
export ASSESS_TEST_POSTGRES_CLUSTER='$dir'
export ASSESS_TEST_POSTGRES_BIN='$BIN'
ENV
    echo "PostgreSQL running: socket $dir/socket, 127.0.0.1:$port" >&2
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
    rm -rf "$dir"
    ;;
  kill)
    as_owner "$BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    ;;
  restart)
    as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(cat "$dir/options")" start >/dev/null
    ;;
  *)
    echo "usage: postgres-cluster.sh start|stop|kill|restart DIR" >&2; exit 2 ;;
esac
