#!/usr/bin/env bash
# Load test of `sitrep serve` over a store of synthetic events.
#
#   scripts/bench-api.sh [SITREP_BINARY] [EVENTS]
#
# Fills (once) an SQLite store with EVENTS synthetic events (default
# 1,000,000; scripts/synthetic-events.py), starts `sitrep serve` on it, and
# runs wrk at 32 concurrent connections for 20 s per kind of query the API is
# used for: by actor, by target, by CAMEO code family, by date range, by
# place, and actor + code + date range together, after a 10 s warm-up over
# the whole mix. Prints one JSON line per kind with p50/p90/p99 latency,
# throughput and errors. wrk runs on the same machine and takes part of its
# CPU, so the figures are conservative.
#
# Use a release binary (swift build -c release); needs wrk (apt-get install wrk).
# The store is kept in $BENCH_DIR (default /tmp/sitrep-bench-api) for re-runs.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/sitrep}
EVENTS=${2:-1000000}
DIR=${BENCH_DIR:-/tmp/sitrep-bench-api}
DURATION=${DURATION:-20s}
PORT=${PORT:-18080}
command -v wrk >/dev/null || { echo "bench-api: wrk is missing: apt-get install wrk" >&2; exit 69; }
[ -x "$BIN" ] || { echo "bench-api: no binary at $BIN (swift build -c release)" >&2; exit 66; }
mkdir -p "$DIR"
DB="$DIR/events-$EVENTS.db"
if [ ! -s "$DB.queries" ]; then
  rm -f "$DB" "$DB-wal" "$DB-shm"
  "$BIN" stats --database "$DB" >/dev/null
  python3 scripts/synthetic-events.py "$DB" --events "$EVENTS"
fi

"$BIN" serve --database "$DB" --port "$PORT" --log-level warning 2>"$DIR/serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q listening "$DIR/serve.log" && break; sleep 0.2; done

# Warm-up over the whole mix: the first requests fault in the database's
# memory-mapped pages and fill the prepared-statement caches.
wrk -t2 -c32 -d10s -s scripts/bench-api.lua "http://127.0.0.1:$PORT" -- "$DB.queries" >/dev/null

echo "store: $EVENTS events; $(nproc) cores; wrk -c32 -t2 -d$DURATION after a 10 s warm-up"
# Split the query mix by kind (the order synthetic-events.py writes them in).
for kind in actor target code dates place combined; do
  case $kind in
    actor)    pattern='^/api/events\?actor=[^&]*$' ;;
    target)   pattern='^/api/events\?target=' ;;
    code)     pattern='^/api/events\?code=' ;;
    dates)    pattern='^/api/events\?since=' ;;
    place)    pattern='^/api/events\?place=' ;;
    combined) pattern='^/api/events\?actor=.*&code=.*&since=' ;;
  esac
  grep -E "$pattern" "$DB.queries" > "$DIR/$kind.queries"
  summary=$(wrk -t2 -c32 -d"$DURATION" --latency -s scripts/bench-api.lua "http://127.0.0.1:$PORT" -- "$DIR/$kind.queries" | tail -1)
  echo "{\"kind\": \"$kind\", ${summary#\{}"
done
