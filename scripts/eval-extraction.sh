#!/usr/bin/env bash
# Scores the HTML extractor on ../shared/data/extraction (F1, precision,
# recall, accuracy, pages per CPU-second), without trafilatura.
# For the comparison with trafilatura in the same run: scripts/bench-extraction.py
#
# Usage: scripts/eval-extraction.sh [extra bench-extraction.py options]
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/bench-extraction.py --skip-trafilatura "$@"
