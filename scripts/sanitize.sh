#!/usr/bin/env bash
# The test suite under AddressSanitizer (with LeakSanitizer) and
# ThreadSanitizer, each in its own build folder (.build-address,
# .build-thread). Not part of every CI run: a cold sanitized build takes
# 15-25 minutes on two cores.
#
#   scripts/sanitize.sh                  # both, the whole suite
#   scripts/sanitize.sh address          # one sanitizer
#   scripts/sanitize.sh thread -- --filter SitrepServerTests
#
# The storage suite also runs against PostgreSQL when the script itself runs
# under scripts/with-postgres.sh. Exits non-zero on the first report.
set -euo pipefail
cd "$(dirname "$0")/.."

sanitizers=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do sanitizers+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
[ ${#sanitizers[@]} -eq 0 ] && sanitizers=(address thread)

# A report fails the run (halt_on_error), and the CLI tests' child `sitrep`
# processes report the same way.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:abort_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan.supp:print_suppressions=0}"
# A sanitizer's abort must end the process, not wait in Swift's backtracer.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"

given_scale="${SITREP_TEST_BUDGET_SCALE:-}"
for sanitizer in "${sanitizers[@]}"; do
  # Instrumented code is slower and larger: the process-spawning tests scale
  # their time and memory budgets by this (see TestBudget in the CLI tests).
  case "$sanitizer" in address) scale=3 ;; thread) scale=6 ;; *) scale=1 ;; esac
  export SITREP_TEST_BUDGET_SCALE="${given_scale:-$scale}"
  case "$sanitizer" in address|thread) ;; *) echo "unknown sanitizer: $sanitizer (address or thread)" >&2; exit 64 ;; esac
  echo "== $sanitizer: build" >&2
  swift build --build-tests --sanitize="$sanitizer" --scratch-path ".build-$sanitizer"
  echo "== $sanitizer: test" >&2
  swift test --skip-build --sanitize="$sanitizer" --scratch-path ".build-$sanitizer" "$@"
done
