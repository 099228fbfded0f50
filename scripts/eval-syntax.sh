#!/bin/sh
# Scores the committed syntax model (Sources/SitrepStages/Models/syntax-ud.bin) on the
# UD English EWT and GUM dev sets with gold tokenization, and times it.
#
#   scripts/eval-syntax.sh            # release build, then EWT dev and GUM dev
#
# Needs ../shared (the team data); skips cleanly when it is absent. Never uses test sets.
set -eu
cd "$(dirname "$0")/.."
SHARED=${SITREP_SHARED:-../shared}
UD=$SHARED/data/ud
SCORER=$SHARED/eval/ud_score.py
if [ ! -f "$UD/en_ewt-ud-dev.conllu" ] || [ ! -f "$SCORER" ]; then
    echo "eval-syntax: $UD or $SCORER not found; skipping (set SITREP_SHARED to the shared folder)"
    exit 0
fi
SCRATCH=${SITREP_SCRATCH:-.build}
swift build -c release --scratch-path "$SCRATCH" --product sitrep >/dev/null
BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/sitrep
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
for set in ewt gum; do
    gold=$UD/en_$set-ud-dev.conllu
    "$BIN" parse --conllu "$gold" --time > "$OUT/$set.conllu"
    echo "== $set dev ($gold)"
    python3 "$SCORER" --gold "$gold" --pred "$OUT/$set.conllu" | tail -1 | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
print("UPOS %.2f  XPOS %.2f  lemma %.2f  UAS %.2f  LAS %.2f  (words %d)" % (r["upos"], r["xpos"], r["lemma"], r["uas"], r["las"], r["tokens"]))'
done
