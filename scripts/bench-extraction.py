#!/usr/bin/env python3
"""Accuracy and speed of the HTML extractor against trafilatura, in one run.

Both run on the same pages (the .html.gz files of the extraction data set,
decompressed into a temporary directory first), one process each, single
threaded; speed is pages per CPU-second of the extraction calls only (file
reading and start-up excluded), measured with getrusage in the Swift driver
and time.process_time() for trafilatura. Accuracy is the team's scorer
(shared/eval/extraction_score.py).

Usage:
  scripts/bench-extraction.py [--shared ../shared] [--reps 3] [--skip-trafilatura]
                              [--scratch /tmp/sitrep-html-bench] [--keep DIR] [--sitrep-bin PATH]

Needs: a Swift toolchain (release build of scripts/html-bench, which depends on
the root package by path) and, unless --skip-trafilatura, `pip install
trafilatura lxml_html_clean` (trafilatura 2.3.1 imports justext, which needs the
lxml HTML cleaner that lxml 5.2+ ships separately). Prints a Markdown table and, last, one JSON summary line.
"""

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def score(scorer, gold, pred):
    out = subprocess.run([sys.executable, scorer, "--gold", gold, "--pred", pred],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def run_sitrep(pages, pred, reps, scratch, binary=None):
    if binary is None:
        pkg = os.path.join(ROOT, "scripts", "html-bench")
        subprocess.run(["swift", "build", "-c", "release", "--package-path", pkg, "--scratch-path", scratch],
                       check=True, stdout=subprocess.DEVNULL)
        binary = os.path.join(scratch, "release", "html-bench")
    out = subprocess.run([binary, pred, "--reps", str(reps)] + pages, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def run_trafilatura(pages, pred, reps):
    import trafilatura  # imported here so --skip-trafilatura needs no install
    docs = []
    for path in pages:
        with open(path, "rb") as f:
            docs.append((os.path.basename(path).split(".")[0], f.read().decode("utf-8", "replace")))
    texts = {}
    # One untimed call first: trafilatura loads its language data and
    # compiles its XPath expressions lazily, a one-time cost per process.
    trafilatura.extract(docs[0][1])
    start = time.process_time()
    for rep in range(reps):
        for pid, html in docs:
            text = trafilatura.extract(html) or ""
            if rep == 0:
                texts[pid] = text
    cpu = time.process_time() - start
    with open(pred, "w", encoding="utf-8") as f:
        for pid, _ in docs:
            f.write(json.dumps({"id": pid, "text": texts[pid]}, ensure_ascii=False) + "\n")
    return {"pages": len(docs), "reps": reps, "cpu_seconds": cpu,
            "pages_per_cpu_second": len(docs) * reps / cpu if cpu else 0.0,
            "version": getattr(trafilatura, "__version__", "?")}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.environ.get("SITREP_SHARED", os.path.join(ROOT, "..", "shared")))
    ap.add_argument("--reps", type=int, default=3, help="passes over the pages for the Swift timing")
    ap.add_argument("--trafilatura-reps", type=int, default=1)
    ap.add_argument("--skip-trafilatura", action="store_true")
    ap.add_argument("--scratch", default=os.environ.get("SITREP_BENCH_SCRATCH", "/tmp/sitrep-html-bench"))
    ap.add_argument("--keep", help="write the predictions into this directory")
    ap.add_argument("--sitrep-bin", help="an already built html-bench binary (skips the release build)")
    args = ap.parse_args()

    data = os.path.join(args.shared, "data", "extraction")
    scorer = os.path.join(args.shared, "eval", "extraction_score.py")
    if not os.path.isdir(os.path.join(data, "html")):
        print(f"skipped: {data}/html not found", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory(prefix="sitrep-html-") as tmp:
        pages = []
        for name in sorted(os.listdir(os.path.join(data, "html"))):
            if not name.endswith(".html.gz"):
                continue
            target = os.path.join(tmp, name[:-3])
            with gzip.open(os.path.join(data, "html", name), "rb") as src, open(target, "wb") as dst:
                dst.write(src.read())
            pages.append(target)
        outdir = args.keep or tmp
        os.makedirs(outdir, exist_ok=True)
        rows = []
        sitrep_pred = os.path.join(outdir, "sitrep.jsonl")
        sitrep = run_sitrep(pages, sitrep_pred, args.reps, args.scratch, args.sitrep_bin)
        sitrep.update(score(scorer, data, sitrep_pred))
        rows.append(("sitrep HTMLExtractor (release)", sitrep))
        summary = {"sitrep": sitrep}
        if not args.skip_trafilatura:
            traf_pred = os.path.join(outdir, "trafilatura.jsonl")
            traf = run_trafilatura(pages, traf_pred, args.trafilatura_reps)
            traf.update(score(scorer, data, traf_pred))
            rows.append((f"trafilatura {traf['version']} (defaults)", traf))
            summary["trafilatura"] = traf
            summary["speed_ratio"] = sitrep["pages_per_cpu_second"] / traf["pages_per_cpu_second"]
    print("| extractor | F1 | precision | recall | accuracy | empty | pages/CPU-s |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, r in rows:
        print(f"| {name} | {r['f1']:.4f} | {r['precision']:.4f} | {r['recall']:.4f} | {r['accuracy']:.4f} | "
              f"{r['empty_pred']} | {r['pages_per_cpu_second']:.1f} |")
    if "speed_ratio" in summary:
        print(f"\nspeed ratio sitrep/trafilatura: {summary['speed_ratio']:.2f}x")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
