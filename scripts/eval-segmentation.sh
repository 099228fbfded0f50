#!/usr/bin/env bash
# Scores Sitrep's sentence splitter on the GUM segmentation gold
# (../shared/data/segmentation) with the team's scorer. Prints the scorer's
# figures for gum_news and gum_dev; the last line of each is JSON.
#
# Usage: scripts/eval-segmentation.sh [path/to/sitrep]   (default: a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SITREP_SHARED:-../shared}
data="$shared/data/segmentation"
if [ ! -d "$data" ]; then
  echo "skipped: $data not found" >&2
  exit 0
fi
bin=${1:-}
if [ -z "$bin" ]; then
  swift build -c release --product sitrep >/dev/null
  bin=.build/release/sitrep
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for set in gum_news gum_dev; do
  "$bin" process --tokens --quiet < "$data/$set.input.jsonl" > "$out/$set.pred.jsonl"
  echo "== $set"
  python3 "$shared/eval/segment_score.py" --gold "$data/$set.jsonl" --pred "$out/$set.pred.jsonl"
done
