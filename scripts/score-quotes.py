#!/usr/bin/env python3
"""Scores Sitrep's quotes and quantities against Evaluation/quotes/gold.jsonl.

Usage: scripts/score-quotes.py --gold Evaluation/quotes/gold.jsonl --pred pred.jsonl [--verbose]

The gold file holds one case per line, {"id", "text", "quotes": [...],
"quantities": [...]}; every gold span is given by its exact text and found
by substring search in "text", each one after the end of the previous one in
the same list (an optional "occurrence": n skips n earlier matches). See
Evaluation/quotes/README.md for the annotation conventions.

The prediction file is `sitrep process` output (sitrep.document/1): one object
per line with "id", "quotes": [{start, end, speaker: {text, canonical} | null,
cue}] and "quantities": [{start, end, value, approximate, unit, of}], offsets
in Unicode code points into article.text (the gold text, for clean input).

Reported figures:
- quote span P/R/F1, exact (same start and end) and overlap-based (one-to-one
  pairs of overlapping spans, largest overlap first);
- speaker accuracy over the overlap-matched quotes (and over the exact ones):
  the normalized gold speaker must equal the prediction's canonical form (its
  text when canonical is null); a null gold speaker must be predicted null;
- cue accuracy over matched quotes whose gold cue is not null (information only);
- quantity span P/R/F1 (exact), and value / approximate / unit / of accuracy
  over the matched quantities.

The last line of the output is one JSON object with every figure.
"""
import argparse
import json
import re
import sys


def load_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def locate(text, entries, case_id, key):
    """Gold spans as (start, end) code points, found in order."""
    spans, position = [], 0
    for entry in entries:
        needle = entry["text"]
        start = text.find(needle, position)
        for _ in range(entry.get("occurrence", 0)):
            start = text.find(needle, start + 1)
        if start < 0:
            sys.exit(f"gold {case_id}: {key} text {needle!r} not found after code point {position}")
        spans.append((start, start + len(needle)))
        position = start + len(needle)
    return spans


_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


def normalize_speaker(name):
    """Case-folded, quotes and outer punctuation stripped, leading article dropped."""
    if name is None:
        return None
    name = name.replace("\u2019", "'").strip(" \t\n,.;:\"'")
    name = " ".join(name.split())
    return _ARTICLE.sub("", name).casefold()


def normalize_cue(cue):
    return " ".join(cue.casefold().split()) if cue else None


def prf(correct, predicted, gold):
    precision = correct / predicted if predicted else (1.0 if not gold else 0.0)
    recall = correct / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def overlap_pairs(gold, pred):
    """One-to-one pairs (gold index, pred index) of overlapping spans, largest overlap first."""
    candidates = []
    for i, (gs, ge) in enumerate(gold):
        for j, (ps, pe) in enumerate(pred):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                candidates.append((-overlap, i, j))
    candidates.sort()
    used_gold, used_pred, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return pairs


def same_value(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", required=True)
    parser.add_argument("--pred", required=True)
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()

    gold_cases = load_jsonl(args.gold)
    predictions = {str(doc.get("id")): doc for doc in load_jsonl(args.pred)}

    c = dict(q_gold=0, q_pred=0, q_exact=0, q_overlap=0, spk_overlap=0, spk_exact=0,
             cue_total=0, cue_ok=0, n_gold=0, n_pred=0, n_exact=0,
             val_ok=0, approx_ok=0, unit_ok=0, of_ok=0, missing_docs=0, errors=0, kind_ok=0)
    kinds = {}
    misses = []

    for case in gold_cases:
        cid, text = str(case["id"]), case["text"]
        doc = predictions.get(cid)
        if doc is None:
            c["missing_docs"] += 1
            doc = {}
        if doc.get("error"):
            c["errors"] += 1
        if doc and (doc.get("article") or {}).get("text") not in (None, text):
            misses.append(f"{cid}: article.text differs from the gold text (was it sent with clean: true?)")

        # Quotes.
        gold_quotes = case.get("quotes", [])
        gold_spans = locate(text, gold_quotes, cid, "quote")
        pred_quotes = doc.get("quotes") or []
        pred_spans = [(q["start"], q["end"]) for q in pred_quotes]
        c["q_gold"] += len(gold_spans)
        c["q_pred"] += len(pred_spans)
        pairs = overlap_pairs(gold_spans, pred_spans)
        c["q_overlap"] += len(pairs)
        matched_gold = set()
        for i, j in pairs:
            g, p = gold_quotes[i], pred_quotes[j]
            exact = gold_spans[i] == pred_spans[j]
            speaker = p.get("speaker")
            predicted_name = None if speaker is None else (speaker.get("canonical") or speaker.get("text"))
            speaker_ok = normalize_speaker(g.get("speaker")) == normalize_speaker(predicted_name)
            c["spk_overlap"] += speaker_ok
            kind_ok = g.get("kind", "direct") == p.get("kind")
            c["kind_ok"] += kind_ok
            if not kind_ok:
                misses.append(f"{cid}: kind of {g['text'][:40]!r}: gold {g.get('kind', 'direct')!r}, predicted {p.get('kind')!r}")
            if exact:
                c["q_exact"] += 1
                c["spk_exact"] += speaker_ok
                matched_gold.add(i)
            if g.get("cue"):
                c["cue_total"] += 1
                gc, pc = normalize_cue(g["cue"]), normalize_cue(p.get("cue"))
                c["cue_ok"] += bool(pc) and (gc == pc or gc.startswith(pc) or pc.startswith(gc))
            if not exact:
                ps, pe = pred_spans[j]
                misses.append(f"{cid}: quote span {g['text']!r} predicted as {text[ps:pe]!r}")
            if not speaker_ok:
                misses.append(f"{cid}: speaker of {g['text'][:40]!r}: gold {g.get('speaker')!r}, predicted {predicted_name!r}")
        for i, g in enumerate(gold_quotes):
            kind = kinds.setdefault(g.get("kind", "direct"), [0, 0])
            kind[0] += 1
            kind[1] += i in matched_gold
        paired_gold = {i for i, _ in pairs}
        paired_pred = {j for _, j in pairs}
        for i, g in enumerate(gold_quotes):
            if i not in paired_gold:
                misses.append(f"{cid}: missed quote {g['text']!r}")
        for j, (ps, pe) in enumerate(pred_spans):
            if j not in paired_pred:
                misses.append(f"{cid}: spurious quote {text[ps:pe]!r}")

        # Quantities (exact spans).
        gold_numbers = case.get("quantities", [])
        gold_nspans = locate(text, gold_numbers, cid, "quantity")
        pred_numbers = doc.get("quantities") or []
        by_span = {(q["start"], q["end"]): q for q in pred_numbers}
        c["n_gold"] += len(gold_nspans)
        c["n_pred"] += len(pred_numbers)
        for g, span in zip(gold_numbers, gold_nspans):
            p = by_span.pop(span, None)
            if p is None:
                misses.append(f"{cid}: missed quantity {g['text']!r}")
                continue
            c["n_exact"] += 1
            checks = dict(value=same_value(g.get("value"), p.get("value")),
                          approximate=bool(g.get("approximate")) == bool(p.get("approximate")),
                          unit=(g.get("unit") or None) == (p.get("unit") or None),
                          of=((g.get("of") or "").casefold() == (p.get("of") or "").casefold()))
            c["val_ok"] += checks["value"]
            c["approx_ok"] += checks["approximate"]
            c["unit_ok"] += checks["unit"]
            c["of_ok"] += checks["of"]
            for name, ok in checks.items():
                if not ok:
                    misses.append(f"{cid}: quantity {g['text']!r} {name}: gold {g.get(name)!r}, predicted {p.get(name)!r}")
        for (ps, pe) in by_span:
            misses.append(f"{cid}: spurious quantity {text[ps:pe]!r}")

    def ratio(a, b):
        return a / b if b else 1.0

    qp, qr, qf = prf(c["q_exact"], c["q_pred"], c["q_gold"])
    op, orr, of1 = prf(c["q_overlap"], c["q_pred"], c["q_gold"])
    np_, nr, nf = prf(c["n_exact"], c["n_pred"], c["n_gold"])
    result = {
        "cases": len(gold_cases), "missing_docs": c["missing_docs"], "errors": c["errors"],
        "quotes": {"gold": c["q_gold"], "predicted": c["q_pred"],
                   "exact": {"matched": c["q_exact"], "precision": qp, "recall": qr, "f1": qf},
                   "overlap": {"matched": c["q_overlap"], "precision": op, "recall": orr, "f1": of1},
                   "recall_by_kind": {k: ratio(v[1], v[0]) for k, v in sorted(kinds.items())}},
        "speaker_accuracy": ratio(c["spk_overlap"], c["q_overlap"]),
        "kind_accuracy": ratio(c["kind_ok"], c["q_overlap"]),
        "speaker_accuracy_exact": ratio(c["spk_exact"], c["q_exact"]),
        "cue_accuracy": ratio(c["cue_ok"], c["cue_total"]),
        "quantities": {"gold": c["n_gold"], "predicted": c["n_pred"], "matched": c["n_exact"],
                       "precision": np_, "recall": nr, "f1": nf,
                       "value_accuracy": ratio(c["val_ok"], c["n_exact"]),
                       "approximate_accuracy": ratio(c["approx_ok"], c["n_exact"]),
                       "unit_accuracy": ratio(c["unit_ok"], c["n_exact"]),
                       "of_accuracy": ratio(c["of_ok"], c["n_exact"])},
    }
    if args.verbose:
        for line in misses:
            print(line)
    print(f"cases {len(gold_cases)} (missing {c['missing_docs']}, errors {c['errors']})")
    print(f"quotes exact    P {qp:.3f} R {qr:.3f} F1 {qf:.3f}  ({c['q_exact']} of {c['q_gold']} gold, {c['q_pred']} predicted)")
    print(f"quotes overlap  P {op:.3f} R {orr:.3f} F1 {of1:.3f}")
    print("recall by kind  " + ", ".join(f"{k} {ratio(v[1], v[0]):.3f} ({v[1]}/{v[0]})" for k, v in sorted(kinds.items())))
    print(f"speaker acc     {result['speaker_accuracy']:.3f} over {c['q_overlap']} matched ({result['speaker_accuracy_exact']:.3f} over exact)")
    print(f"kind acc        {result['kind_accuracy']:.3f} over {c['q_overlap']} matched (direct, partial, indirect)")
    print(f"cue acc         {result['cue_accuracy']:.3f} over {c['cue_total']}")
    print(f"quantities      P {np_:.3f} R {nr:.3f} F1 {nf:.3f}  ({c['n_exact']} of {c['n_gold']} gold, {c['n_pred']} predicted)")
    print(f"quantity fields value {result['quantities']['value_accuracy']:.3f}, approximate {result['quantities']['approximate_accuracy']:.3f}, "
          f"unit {result['quantities']['unit_accuracy']:.3f}, of {result['quantities']['of_accuracy']:.3f}")
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
