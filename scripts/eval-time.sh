#!/usr/bin/env bash
# TIMEX3 accuracy of the `times` stage on the TempEval-3 dev set
# (../shared/data/time/dev.jsonl), piped through `sitrep process` as it is and
# scored by ../shared/eval/time_score.py (strict/relaxed span F1, type F1,
# value F1). Assumes the stage is registered in StandardPipeline.
#
# Usage: scripts/eval-time.sh [path/to/sitrep] [--errors N]
# Targets (issue 7): relaxed span F1 >= 90, value F1 >= 80
# (HeidelTime 2.2.1 on this dev: 92.12 / 77.37).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SITREP_SHARED:-../shared}
gold="$shared/data/time/dev.jsonl"
scorer="$shared/eval/time_score.py"
if [ ! -f "$gold" ] || [ ! -f "$scorer" ]; then
  echo "skipped: $gold or $scorer not found" >&2
  exit 0
fi
bin=""
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then bin=$1; shift; fi
if [ -z "$bin" ]; then
  swift build -c release --product sitrep >/dev/null
  bin=.build/release/sitrep
fi
pred=$(mktemp "${TMPDIR:-/tmp}/sitrep-time.XXXXXX")
trap 'rm -f "$pred"' EXIT
"$bin" process < "$gold" > "$pred"
python3 "$scorer" --gold "$gold" --pred "$pred" "$@"
