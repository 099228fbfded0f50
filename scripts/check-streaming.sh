#!/usr/bin/env bash
# Checks the streaming filter on the news corpus (../shared/data/corpus):
#  1. `--jobs 2` writes exactly what `--jobs 1` writes;
#  2. peak memory stays flat when the input grows tenfold.
#
# Usage: scripts/check-streaming.sh [path/to/sitrep]   (default: a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SITREP_SHARED:-../shared}
corpus="$shared/data/corpus/news.jsonl"
if [ ! -f "$corpus" ]; then
  echo "skipped: $corpus not found" >&2
  exit 0
fi
bin=${1:-}
if [ -z "$bin" ]; then
  swift build -c release --product sitrep >/dev/null
  bin=.build/release/sitrep
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The corpus as interchange input: {"id","text","clean":true}.
python3 - "$corpus" > "$work/input.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        print(json.dumps({"id": r["id"], "text": r["text"], "clean": True}, ensure_ascii=False))
PY
for i in $(seq 10); do cat "$work/input.jsonl"; done > "$work/input10.jsonl"

peak() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }

"$bin" process --jobs 1 --quiet < "$work/input.jsonl" > "$work/jobs1.jsonl"
"$bin" process --jobs 2 --quiet < "$work/input.jsonl" > "$work/jobs2.jsonl"
lines_in=$(wc -l < "$work/input.jsonl")
lines_out=$(wc -l < "$work/jobs1.jsonl")
if cmp -s "$work/jobs1.jsonl" "$work/jobs2.jsonl"; then same=true; else same=false; fi
start=$(date +%s.%N)
m1=$(peak "$bin" process --jobs 2 --quiet "$work/input.jsonl")
mid=$(date +%s.%N)
m10=$(peak "$bin" process --jobs 2 --quiet "$work/input10.jsonl")
end=$(date +%s.%N)
mb1=$(du -m "$work/input.jsonl" | cut -f1)
mb10=$(du -m "$work/input10.jsonl" | cut -f1)
echo "lines in/out: $lines_in/$lines_out; --jobs 2 output identical to --jobs 1: $same"
echo "peak RSS: ${m1} KiB on ${mb1} MB, ${m10} KiB on ${mb10} MB"
python3 -c "import json,sys; print(json.dumps({'identical': sys.argv[1]=='true', 'lines': int(sys.argv[2]), 'peak_kib_1x': int(sys.argv[3]), 'peak_kib_10x': int(sys.argv[4]), 'seconds_1x': round(float(sys.argv[6])-float(sys.argv[5]),2), 'seconds_10x': round(float(sys.argv[7])-float(sys.argv[6]),2)}))" "$same" "$lines_out" "$m1" "$m10" "$start" "$mid" "$end"
[ "$same" = true ] && [ "$lines_in" = "$lines_out" ]
