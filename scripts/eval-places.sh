#!/usr/bin/env bash
# Scores the places stage on the shared geoparsing dev set through `sitrep process`.
#
#   scripts/eval-places.sh [SITREP_BINARY]
#
# ../shared/data/geo/dev.jsonl (LGL, GeoWebNews, TR-News) lines are valid Sitrep input
# as they are; shared/eval/geo_score.py --by-corpus prints the figures (last line JSON).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SITREP_SHARED:-$here/../shared}"
bin="${1:-$here/.build/release/sitrep}"
gold="$shared/data/geo/dev.jsonl"
[ -f "$gold" ] || { echo "eval-places: no $gold; nothing to score" >&2; exit 0; }
out="${KEEP:-$(mktemp -d)}"
"$bin" process --quiet --through places "$gold" > "$out/places.out.jsonl"
python3 "$shared/eval/geo_score.py" --gold "$gold" --pred "$out/places.out.jsonl" --by-corpus
