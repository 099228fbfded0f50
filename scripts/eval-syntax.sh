#!/bin/sh
# Scores the shipped syntax models (Sources/SitrepStages/Models/syntax-ud-voters.bin,
# `accurate`, and syntax-ud.bin, `fast`) on the UD English EWT and GUM dev sets with
# gold tokenization, and times them (EWT + GUM dev six times over, one thread).
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
for model in accurate fast; do
    for set in ewt gum; do
        gold=$UD/en_$set-ud-dev.conllu
        "$BIN" parse --conllu "$gold" --model "$model" > "$OUT/$set.conllu"
        echo "== $model model, $set dev ($gold)"
        python3 "$SCORER" --gold "$gold" --pred "$OUT/$set.conllu" | tail -1 | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
print("UPOS %.2f  XPOS %.2f  lemma %.2f  UAS %.2f  LAS %.2f  (words %d)" % (r["upos"], r["xpos"], r["lemma"], r["uas"], r["las"], r["tokens"]))'
    done
done
for i in 1 2 3 4 5 6; do cat "$UD/en_ewt-ud-dev.conllu" "$UD/en_gum-ud-dev.conllu"; done > "$OUT/speed.conllu"
for model in accurate fast; do
    echo "== $model model, speed (EWT + GUM dev x6)"
    "$BIN" parse --conllu "$OUT/speed.conllu" --model "$model" --time 2>&1 >/dev/null | tail -1
done
