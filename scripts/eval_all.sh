#!/usr/bin/env bash
# Scores of every gold set, one table each (what a change to the extractor must not make worse).
# Usage: bash scripts/eval_all.sh [--details]
set -euo pipefail
cd "$(dirname "$0")/.."
KG=.venv/bin/kg
echo "== seeds"; $KG eval tests/gold seeds "$@"
echo "== independent (the seeds annotated by a second hand)"; $KG eval tests/gold/independent seeds "$@"
for set in unseen/dev unseen/heldout blind blind2 blind3 blind4 blind5 blind6 blind7; do
    pages="tests/gold/$set/pages"
    [ -d "$pages" ] || pages="tests/gold/$set"  # the unseen sets keep their pages beside the gold
    echo "== $set"; $KG eval "tests/gold/$set" "$pages" "$@"
done
