#!/usr/bin/env bash
# Speed and memory of the entity tagger on one core, release build: sentence splitting,
# tokenization and tagging of the texts of ../shared/data/corpus/news.jsonl (or FILE),
# timed inside the process (`sitrep train ner-speed`), with peak memory from
# /usr/bin/time when it is installed.
#
# Usage: scripts/bench-ner.sh [path/to/sitrep] [FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SITREP_SHARED:-../shared}
file=${2:-$shared/data/corpus/news.jsonl}
if [ ! -f "$file" ]; then
  echo "skipped: $file not found" >&2
  exit 0
fi
bin=${1:-}
if [ -z "$bin" ]; then
  swift build -c release --product sitrep >/dev/null
  bin=.build/release/sitrep
fi
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "peak memory: %M KiB, wall %e s" taskset -c 0 "$bin" train ner-speed "$file"
else
  taskset -c 0 "$bin" train ner-speed "$file"
fi
