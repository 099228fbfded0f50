#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster on a loopback port.
#
#   scripts/with-postgres.sh swift test --skip-build
#
# Starts a fresh cluster from Debian's PostgreSQL (trust auth, fsync off, only
# 127.0.0.1), exports SITREP_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:PORT/postgres,
# runs the command, stops the cluster and deletes it, and exits with the
# command's status. PORT is $SITREP_PG_PORT or 54329. Needs root (runs the
# server as the postgres user) or to be run as postgres.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 64
fi

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    echo "with-postgres: no PostgreSQL server found under /usr/lib/postgresql; install it with: apt-get install -y postgresql" >&2
    exit 69
fi
PORT=${SITREP_PG_PORT:-54329}
DIR=$(mktemp -d /tmp/sitrep-pg.XXXXXX)
chmod 755 "$DIR"

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$DIR"; fi

cleanup() {
    as_postgres "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
}
trap cleanup EXIT

as_postgres "$PGBIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$DIR/initdb.log" 2>&1 || {
    cat "$DIR/initdb.log" >&2; exit 70; }
as_postgres "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null || {
    cat "$DIR/log" >&2; exit 70; }

export SITREP_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
echo "with-postgres: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT" >&2

set +e
"$@"
status=$?
set -e
exit $status
