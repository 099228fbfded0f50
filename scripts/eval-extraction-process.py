#!/usr/bin/env python3
"""Scores HTML extraction end to end: the 90 dev pages of ../shared/data/extraction
go through `sitrep process` as {"id", "html", "url"} lines, and each output's
article.text is scored by ../shared/eval/extraction_score.py.

Usage: python3 scripts/eval-extraction-process.py [path/to/sitrep]  (default .build/release/sitrep)
Skips (exit 0) when ../shared is absent.
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile

repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
shared = os.environ.get("SITREP_SHARED", os.path.join(repo, "..", "shared"))
data = os.path.join(shared, "data", "extraction")
if not os.path.exists(os.path.join(data, "gold.jsonl")):
    print("skipped: %s not found" % data)
    sys.exit(0)
sitrep = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, ".build", "release", "sitrep")
work = tempfile.mkdtemp(prefix="sitrep-extraction-")
source, pred = os.path.join(work, "in.jsonl"), os.path.join(work, "pred.jsonl")
with open(os.path.join(data, "gold.jsonl"), encoding="utf-8") as f, open(source, "w", encoding="utf-8") as out:
    for line in f:
        g = json.loads(line)
        html = gzip.open(os.path.join(data, "html", g["id"] + ".html.gz")).read().decode("utf-8", "replace")
        out.write(json.dumps({"id": g["id"], "html": html, "url": g["url"]}) + "\n")
with open(source, "rb") as f:
    result = subprocess.run([sitrep, "process", "--quiet"], stdin=f, stdout=subprocess.PIPE, check=True).stdout
with open(pred, "w", encoding="utf-8") as out:
    for line in result.decode("utf-8").splitlines():
        r = json.loads(line)
        out.write(json.dumps({"id": r["id"], "text": (r.get("article") or {}).get("text", "")}) + "\n")
sys.exit(subprocess.call([sys.executable, os.path.join(shared, "eval", "extraction_score.py"), "--gold", data, "--pred", pred]))
