#!/usr/bin/env bash
# Builds and runs Sitrep's libFuzzer targets (issue #12), one after another,
# each for a set time, and prints a summary table. See docs/fuzzing.md.
#
#   scripts/fuzz.sh [--seconds N] [--no-build] [TARGET...]
#
# TARGET is a name such as FuzzWARC, or a short form (warc, feed, html, ...);
# none means all seven. Defaults: 600 seconds each.
#
# Sanitizer builds go to .build-fuzz (SITREP_FUZZ_SCRATCH overrides it), never
# to .build. Working corpora grow in .fuzz/corpus/<target>/ (seeded from the
# committed Fuzz/corpus/<target>/, which is only read); crashes, leaks,
# timeouts and out-of-memory inputs land in .fuzz/findings/<target>/, and
# libFuzzer's log in .fuzz/logs/<target>.log. Replay a finding with
#   .build-fuzz/release/<target> .fuzz/findings/<target>/crash-...
#
# SITREP_FUZZ_FLAGS adds libFuzzer flags to every run, e.g.
# SITREP_FUZZ_FLAGS=-len_control=0 to try long inputs from the start.
#
# Exits 1 when any target found something, 0 otherwise.
set -euo pipefail

cd "$(dirname "$0")/.."
seconds=600
build=1
targets=()
all=(FuzzHTMLExtractor FuzzScrapedText FuzzJSONLines FuzzWARC FuzzFeed FuzzTimeNormalizer FuzzAPIQuery)

while [[ $# -gt 0 ]]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --seconds=*) seconds="${1#*=}"; shift ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "fuzz.sh: unknown option $1" >&2; exit 64 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[[ ${#targets[@]} -eq 0 ]] && targets=("${all[@]}")

# Short names, and each target's input bound and dictionary.
canonical() {
    case "${1,,}" in
        html|fuzzhtmlextractor) echo FuzzHTMLExtractor ;;
        text|scraped|scrapedtext|fuzzscrapedtext) echo FuzzScrapedText ;;
        json|jsonl|jsonlines|fuzzjsonlines) echo FuzzJSONLines ;;
        warc|fuzzwarc) echo FuzzWARC ;;
        feed|fuzzfeed) echo FuzzFeed ;;
        time|times|fuzztimenormalizer) echo FuzzTimeNormalizer ;;
        api|query|apiquery|fuzzapiquery) echo FuzzAPIQuery ;;
        *) echo "fuzz.sh: unknown target $1 (known: ${all[*]})" >&2; exit 64 ;;
    esac
}
max_len() {
    case "$1" in
        FuzzHTMLExtractor|FuzzWARC) echo 32768 ;;
        FuzzFeed) echo 16384 ;;
        FuzzScrapedText|FuzzJSONLines) echo 8192 ;;
        FuzzTimeNormalizer|FuzzAPIQuery) echo 4096 ;;
    esac
}
dictionary() {
    case "$1" in
        FuzzHTMLExtractor) echo html ;;
        FuzzScrapedText) echo scraped-text ;;
        FuzzJSONLines) echo jsonlines ;;
        FuzzWARC) echo warc ;;
        FuzzFeed) echo feed ;;
        FuzzTimeNormalizer) echo times ;;
        FuzzAPIQuery) echo api-query ;;
    esac
}

scratch="${SITREP_FUZZ_SCRATCH:-.build-fuzz}"
resolved=()
for t in "${targets[@]}"; do resolved+=("$(canonical "$t")"); done

if [[ $build -eq 1 ]]; then
    for t in "${resolved[@]}"; do
        echo "fuzz.sh: building $t" >&2
        SITREP_FUZZ=1 swift build -c release --product "$t" --scratch-path "$scratch" 2>&1 \
            | grep -v -e "Cannot export local symbol" -e "unhandled; explicitly declare" -e "CMakeLists.txt" >&2
    done
fi

mkdir -p .fuzz/logs
rows=()
found=0
for t in "${resolved[@]}"; do
    binary="$scratch/release/$t"
    [[ -x "$binary" ]] || { echo "fuzz.sh: $binary is missing; build it first" >&2; exit 66; }
    corpus=".fuzz/corpus/$t"
    findings=".fuzz/findings/$t"
    log=".fuzz/logs/$t.log"
    mkdir -p "$corpus" "$findings"
    echo "fuzz.sh: running $t for ${seconds}s (log: $log)" >&2
    started=$(date +%s)
    set +e
    # Leaks are checked at exit and, when RSS grows, during the run (-detect_leaks
    # is libFuzzer's default; ASan's LeakSanitizer does the work).
    ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}" \
    "$binary" "$corpus" "Fuzz/corpus/$t" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=10 \
        -max_len="$(max_len "$t")" -dict="Fuzz/dictionaries/$(dictionary "$t").dict" \
        -artifact_prefix="$findings/" -print_final_stats=1 -detect_leaks=1 ${SITREP_FUZZ_FLAGS:-} \
        >"$log" 2>&1
    status=$?
    set -e
    elapsed=$(( $(date +%s) - started ))
    # The last status line: "#N  DONE  cov: C ft: F corp: K/B ..." (or the last pulse).
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last"); cov=${cov:--}
    ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last"); ft=${ft:--}
    corp=$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<<"$last"); corp=${corp:--}
    execs=$(sed -nE 's/^stat::number_of_executed_units:[[:space:]]+([0-9]+)/\1/p' "$log" | tail -n 1); execs=${execs:--}
    rate=$(sed -nE 's/^stat::average_exec_per_sec:[[:space:]]+([0-9]+)/\1/p' "$log" | tail -n 1); rate=${rate:--}
    rss=$(sed -nE 's/^stat::peak_rss_mb:[[:space:]]+([0-9]+)/\1/p' "$log" | tail -n 1); rss=${rss:--}
    artifacts=$(find "$findings" -type f | wc -l)
    if [[ $status -ne 0 || $artifacts -gt 0 ]]; then
        found=1
        result="FOUND ($artifacts file(s), exit $status)"
    else
        result="clean"
    fi
    rows+=("$t|$elapsed|$execs|$rate|$cov|$ft|$corp|$rss|$result")
done

printf '\n%-20s %8s %12s %8s %7s %7s %7s %8s  %s\n' target seconds execs exec/s cov ft corpus rss_mb result
for row in "${rows[@]}"; do
    IFS='|' read -r t s e r c f k m res <<<"$row"
    printf '%-20s %8s %12s %8s %7s %7s %7s %8s  %s\n' "$t" "$s" "$e" "$r" "$c" "$f" "$k" "$m" "$res"
done
exit $found
