#!/usr/bin/env bash
# Scores the event coder on the shared event gold sets through `sitrep process`.
#
#   scripts/eval-events.sh [SITREP_BINARY]
#
# Real-text sets (petrarch2-gsr, plover-gsr with --plover-map, cameo-manual-examples)
# use the shipped dictionaries; the PETRARCH validation suites (fictional actors and
# codes) use their own validation dictionaries, compiled into a temporary folder.
# Each set's figures are printed by shared/eval/event_score.py (last line JSON).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SITREP_SHARED:-$here/../shared}"
bin="${1:-$here/.build/release/sitrep}"
data="$shared/data/events"
[ -d "$data" ] || { echo "eval-events: no $data; nothing to score" >&2; exit 0; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

to_input() {
    python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    d = {"id": r["id"], "text": r["text"], "clean": True}
    date = r.get("date") or ""
    if len(date) == 6 and date.isdigit():  # PETRARCH YYMMDD
        date = ("20" if int(date[:2]) <= 40 else "19") + date[:2] + "-" + date[2:4] + "-" + date[4:]
    if len(date) == 10:
        d["published"] = date
    print(json.dumps(d))
' "$1"
}

run_set() {  # name gold-file [scorer options...]
    local name="$1" gold="$2"; shift 2
    to_input "$gold" > "$work/$name.in.jsonl"
    "$bin" process --quiet ${CAMEO_DIR:+--cameo-dictionaries "$CAMEO_DIR"} "$work/$name.in.jsonl" > "$work/$name.out.jsonl"
    echo "== $name"
    python3 "$shared/eval/event_score.py" --gold "$gold" --pred "$work/$name.out.jsonl" "$@" | tail -n "${TAIL:-1}"
    [ -n "${KEEP:-}" ] && cp "$work/$name.out.jsonl" "$KEEP/$name.out.jsonl" || true
}

run_set petrarch2-gsr "$data/petrarch2-gsr-dev.jsonl"
run_set plover-gsr "$data/plover-gsr-dev.jsonl" --plover-map "$shared/data/cameo/cameo-to-plover.tsv"
run_set cameo-manual-examples "$data/cameo-manual-examples-dev.jsonl"

# Overall: the three real-text sets scored together.
cat "$work/petrarch2-gsr.out.jsonl" "$work/plover-gsr.out.jsonl" "$work/cameo-manual-examples.out.jsonl" > "$work/all.out.jsonl"
echo "== overall (petrarch2-gsr + plover-gsr + cameo-manual-examples)"
python3 "$shared/eval/event_score.py" --gold "$data/petrarch2-gsr-dev.jsonl" --gold "$data/plover-gsr-dev.jsonl" \
    --gold "$data/cameo-manual-examples-dev.jsonl" --pred "$work/all.out.jsonl" \
    --plover-map "$shared/data/cameo/cameo-to-plover.tsv" | tail -n "${TAIL:-1}"

# Functional suites with their own (fictional) dictionaries.
for suite in v1:validate-v1:petrarch-validation-dev.jsonl 2_02:validate-2_02:petrarch-validation-ud202-dev.jsonl; do
    IFS=: read -r tag set file <<< "$suite"
    python3 "$here/scripts/compile-cameo.py" --set "$set" --source "$shared/data/cameo/petrarch-dictionaries" --out "$work/dict-$tag" > /dev/null
    CAMEO_DIR="$work/dict-$tag" run_set "petrarch-validation-$tag" "$data/$file"
done
