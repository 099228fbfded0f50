#!/usr/bin/env bash
# Scores Sitrep's entity tagger on the CoNLL-2003 dev set (../shared/data/ner) with the
# team's scorer: the dev documents go through `sitrep process` as `tokens` input and the
# output's IOB2 `tags` are compared with dev.conll. The last line is the scorer's JSON.
#
# Usage: scripts/eval-ner.sh [path/to/sitrep]   (default: a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SITREP_SHARED:-../shared}
data="$shared/data/ner"
if [ ! -f "$data/dev.input.jsonl" ] || [ ! -f "$shared/eval/ner_score.py" ]; then
  echo "skipped: $data/dev.input.jsonl or $shared/eval/ner_score.py not found" >&2
  exit 0
fi
bin=${1:-}
if [ -z "$bin" ]; then
  swift build -c release --product sitrep >/dev/null
  bin=.build/release/sitrep
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" process --quiet < "$data/dev.input.jsonl" > "$out/dev.out.jsonl"
python3 "$shared/eval/ner_score.py" --gold "$data/dev.conll" --pred "$out/dev.out.jsonl"
