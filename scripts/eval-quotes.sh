#!/usr/bin/env bash
# Scores Sitrep's quotes and quantities on the project's own gold set
# (Evaluation/quotes/gold.jsonl): builds a release `sitrep`, runs
# `sitrep process` on every gold text as clean input, and prints the figures of
# scripts/score-quotes.py (the last line is JSON).
#
# Usage: scripts/eval-quotes.sh [path/to/sitrep] [--verbose]   (default: a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
verbose=${2:-}
if [ -z "$bin" ] || [ "$bin" = "--verbose" ]; then
  [ "$bin" = "--verbose" ] && verbose=--verbose
  swift build -c release --product sitrep ${SITREP_SCRATCH:+--scratch-path "$SITREP_SCRATCH"} >/dev/null
  bin=$(swift build -c release --show-bin-path ${SITREP_SCRATCH:+--scratch-path "$SITREP_SCRATCH"})/sitrep
fi
gold=Evaluation/quotes/gold.jsonl
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    case = json.loads(line)
    print(json.dumps({"id": case["id"], "text": case["text"], "clean": True}, ensure_ascii=False))
' "$gold" > "$out/input.jsonl"
"$bin" process --quiet < "$out/input.jsonl" > "$out/pred.jsonl"
if ! grep -q '"stage":"quotes"' "$out/pred.jsonl"; then
  echo "note: this build has no quotes stage in StandardPipeline; every quote counts as missed" >&2
fi
python3 scripts/score-quotes.py --gold "$gold" --pred "$out/pred.jsonl" $verbose
