#!/usr/bin/env bash
# Throughput of the PostgreSQL worker queue with 1 and then 2 `sitrep worker`
# processes on the same queue, the whole pipeline, news corpus in.
#
#   scripts/bench-workers.sh SITREP_BINARY [ARTICLES]
#
# SITREP_BINARY: a release build (.build/release/sitrep). ARTICLES: the first N
# articles of ../shared/data/corpus/news.jsonl (default: all 16,645); the
# corpus is enqueued as it is, as `sitrep ingest` would read it. Each run gets a
# fresh database on a throwaway PostgreSQL cluster (scripts/with-postgres.sh,
# port $SITREP_PG_PORT or 54329; started here unless SITREP_TEST_POSTGRES_URL is
# already set). Enqueueing is not timed: the clock starts when the workers do.
#
# Prints one JSON line:
#   articles_per_second  done rows / (last finished_at - first finished_at): the
#                        steady rate, by the database's clock, without start-up
#   wall_seconds         workers started -> all exited (--exit-when-empty)
#   ratio                2-worker rate / 1-worker rate (issue 11's target: >= 1.7
#                        on a 2-core machine); wall_ratio the same from wall times
#   worker_cpu_seconds, postgres_cpu_seconds, cores_used = their sum / wall:
#                        well under 2 with two workers means the machine was busy
# Exits 0 without measuring when the corpus is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

if [ "$#" -lt 1 ]; then
    echo "usage: $0 SITREP_BINARY [ARTICLES]" >&2
    exit 64
fi
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
[ -x "$bin" ] || { echo "bench-workers: $1 is not an executable" >&2; exit 66; }
n="${2:-}"
shared="${SITREP_SHARED:-$here/../shared}"
corpus="${SITREP_CORPUS:-$shared/data/corpus/news.jsonl}"
[ -f "$corpus" ] || { echo "bench-workers: no $corpus; nothing to measure" >&2; exit 0; }

if [ -z "${SITREP_TEST_POSTGRES_URL:-}" ]; then
    exec "$here/scripts/with-postgres.sh" "$0" "$bin" $n
fi

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
psql() { "$PGBIN/psql" -X -q -t -A -v ON_ERROR_STOP=1 "$@"; }
base="$SITREP_TEST_POSTGRES_URL"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -n "$n" ]; then head -n "$n" "$corpus" > "$work/in.jsonl"; else cp "$corpus" "$work/in.jsonl"; fi

now() { date +%s.%N; }

# CPU seconds used so far by the PostgreSQL server: the postmaster's own plus
# its exited children's (each connection's backend exits when the worker does).
postmaster=$(psql "$base" -c "SELECT setting FROM pg_settings WHERE name = 'data_directory'" | xargs -I{} head -n 1 {}/postmaster.pid 2>/dev/null || true)
ticks=$(getconf CLK_TCK)
pg_cpu() {
    if [ -n "$postmaster" ] && [ -r "/proc/$postmaster/stat" ]; then
        awk -v t="$ticks" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13 + $14 + $15) / t }' "/proc/$postmaster/stat"
    else
        echo 0
    fi
}

# run WORKERS: prints "rate wall done failed worker_cpu postgres_cpu" (exits the
# script if a worker fails). CPU seconds (user + system) tell a slow machine
# from a slow queue: on an idle two-core machine the two workers and the
# server together use close to two cores.
run() {
    local workers="$1" db="bench_workers_$1"
    PGOPTIONS="--client-min-messages=warning" psql "$base" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    local url="${base%/*}/$db"
    "$bin" enqueue --quiet --database "$url" "$work/in.jsonl"
    local start pids=() status=0 pg_before
    pg_before=$(pg_cpu)
    start=$(now)
    for i in $(seq "$workers"); do
        /usr/bin/time -f "%U %S" -o "$work/cpu.$workers.$i" \
            "$bin" worker --database "$url" --exit-when-empty --log-level warning 2> "$work/worker.$workers.$i.log" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || status=$?; done
    local wall worker_cpu pg_used
    wall=$(awk -v end="$(now)" -v start="$start" 'BEGIN { printf "%.3f", end - start }')
    worker_cpu=$(cat "$work"/cpu."$workers".* | awk '{ s += $1 + $2 } END { printf "%.2f", s }')
    pg_used=$(awk -v a="$(pg_cpu)" -v b="$pg_before" 'BEGIN { printf "%.2f", a - b }')
    if [ "$status" -ne 0 ]; then
        echo "bench-workers: a worker failed (status $status):" >&2
        tail -n 20 "$work"/worker."$workers".*.log >&2
        exit 70
    fi
    psql "$url" -F ' ' -c "
        SELECT (COUNT(*) FILTER (WHERE status = 'done') - 1)
                 / NULLIF(EXTRACT(EPOCH FROM MAX(finished_at::timestamptz) FILTER (WHERE status = 'done')
                                          - MIN(finished_at::timestamptz) FILTER (WHERE status = 'done')), 0),
               $wall,
               COUNT(*) FILTER (WHERE status = 'done'),
               COUNT(*) FILTER (WHERE status = 'failed'),
               $worker_cpu, $pg_used
        FROM article_queue"
}

run 1 > "$work/result.1"
read -r rate1 wall1 done1 failed1 wcpu1 pcpu1 < "$work/result.1"
echo "bench-workers: 1 worker: $done1 articles, $(printf %.1f "$rate1") articles/s, $(printf %.1f "$wall1") s; CPU s: workers $wcpu1, PostgreSQL $pcpu1" >&2
run 2 > "$work/result.2"
read -r rate2 wall2 done2 failed2 wcpu2 pcpu2 < "$work/result.2"
echo "bench-workers: 2 workers: $done2 articles, $(printf %.1f "$rate2") articles/s, $(printf %.1f "$wall2") s; CPU s: workers $wcpu2, PostgreSQL $pcpu2" >&2

awk -v n="$(wc -l < "$work/in.jsonl")" -v cores="$(nproc)" -v bin="$bin" \
    -v r1="$rate1" -v w1="$wall1" -v d1="$done1" -v f1="$failed1" -v wc1="$wcpu1" -v pc1="$pcpu1" \
    -v r2="$rate2" -v w2="$wall2" -v d2="$done2" -v f2="$failed2" -v wc2="$wcpu2" -v pc2="$pcpu2" '
function run(r, w, d, f, wc, pc) {
    return sprintf("{\"articles_per_second\":%.1f,\"wall_seconds\":%.2f,\"done\":%d,\"failed\":%d,\"worker_cpu_seconds\":%.2f,\"postgres_cpu_seconds\":%.2f,\"cores_used\":%.2f}",
                   r, w, d, f, wc, pc, (wc + pc) / w)
}
BEGIN {
    printf "{\"bench\":\"workers\",\"binary\":\"%s\",\"cores\":%d,\"articles\":%d,", bin, cores, n
    printf "\"workers_1\":%s,\"workers_2\":%s,", run(r1, w1, d1, f1, wc1, pc1), run(r2, w2, d2, f2, wc2, pc2)
    printf "\"ratio\":%.3f,\"wall_ratio\":%.3f}\n", r2 / r1, w1 / w2
}'
