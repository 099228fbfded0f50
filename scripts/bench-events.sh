#!/usr/bin/env bash
# Speed of the pipeline through event coding, text in, events out (release build,
# one process, one core): sentences and articles per CPU-second, and what the actor
# and event coders add to the stages before them.
#
#   scripts/bench-events.sh [SITREP_BINARY] [ARTICLES]
#
# Input: the first ARTICLES (default 4000) articles of ../shared/data/corpus/news.jsonl
# as clean text. Three runs of `sitrep process --jobs 1`: through `times` (every
# stage the coders need), through `events`, and the whole pipeline. CPU time is
# user + system from /usr/bin/time, the fastest of REPEAT (default 3) runs each.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SITREP_SHARED:-$here/../shared}"
bin="${1:-$here/.build/release/sitrep}"
n="${2:-4000}"
corpus="$shared/data/corpus/news.jsonl"
[ -f "$corpus" ] || { echo "bench-events: no $corpus; nothing to measure" >&2; exit 0; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

head -n "$n" "$corpus" | python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    d = {"id": r["id"], "text": r["text"], "clean": True}
    if r.get("published"):
        d["published"] = r["published"][:10]
    print(json.dumps(d))
' > "$work/in.jsonl"

run() {  # label through-slot-or-empty; keeps the fastest of REPEAT runs (the machine may be shared)
    local label="$1" through="$2"
    for i in $(seq "${REPEAT:-3}"); do
        /usr/bin/time -f "%U %S %M" -o "$work/time.$label.$i" \
            "$bin" process --quiet --jobs 1 ${through:+--through "$through"} "$work/in.jsonl" > "$work/out.$label"
    done
    sort -n -k1 "$work"/time."$label".* | awk '{print $1+$2, 0, $3; exit}' > "$work/time.$label"
}
for round in 1; do
    run times times
    run events events
    run all ""
done

python3 - "$work" <<'PY'
import json, sys, os
work = sys.argv[1]
def cpu(label):
    u, s, m = open(os.path.join(work, "time." + label)).read().split()
    return float(u) + float(s), int(m) // 1024
articles = sentences = events = words = 0
for line in open(os.path.join(work, "out.events"), encoding="utf-8"):
    d = json.loads(line)
    articles += 1
    sentences += len(d.get("sentences", []))
    events += len(d.get("events", []))
    words += len(d["article"]["text"].split()) if d.get("article") else 0
size = os.path.getsize(os.path.join(work, "in.jsonl"))
t_times, m_times = cpu("times")
t_events, m_events = cpu("events")
t_all, m_all = cpu("all")
print(f"articles {articles}, sentences {sentences}, words {words}, events {events}, input {size/1e6:.1f} MB")
print(f"through times : {t_times:7.2f} CPU-s  {sentences/t_times:8.0f} sentences/s  peak {m_times} MiB")
print(f"through events: {t_events:7.2f} CPU-s  {sentences/t_events:8.0f} sentences/s  {articles/t_events:6.0f} articles/s  peak {m_events} MiB")
print(f"whole pipeline: {t_all:7.2f} CPU-s  {sentences/t_all:8.0f} sentences/s  {articles/t_all:6.0f} articles/s  {size/1e6/t_all:.2f} MB/s")
print(f"actors + events add {100*(t_events-t_times)/t_times:.1f}% to the stages before them")
print(json.dumps({"articles": articles, "sentences": sentences, "events": events,
                  "sentences_per_cpu_s_through_events": round(sentences/t_events),
                  "sentences_per_cpu_s_all": round(sentences/t_all),
                  "actor_event_share": round((t_events-t_times)/t_times, 4)}))
PY
