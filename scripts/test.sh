#!/usr/bin/env bash
# Run every test: the C++ core (GoogleTest, under AddressSanitizer +
# UndefinedBehaviorSanitizer, and the concurrency test under ThreadSanitizer), then the
# Python API, the command line, the stub check and the example notebooks (pytest), then the
# fuzz targets (INTERREG_FUZZ_SECONDS each, default 60; 0 skips them). Needs
# scripts/bootstrap.sh first. Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

# timed LABEL COMMAND...: run COMMAND and print how long it took.
timed() {
    local label=$1 started=$SECONDS
    shift
    "$@"
    echo "== $label: $((SECONDS - started)) s"
}

timed "C++ tests (ASan+UBSan, TSan)" scripts/sanitize.sh

# Rebuild the extension if the C++ changed (a no-op reinstall takes a few seconds).
.venv/bin/python -m pip install --no-build-isolation --no-deps -e . >/dev/null
timed pytest .venv/bin/python -m pytest -q "$@"

if [ "${INTERREG_FUZZ_SECONDS:-60}" != 0 ]; then
    timed fuzzing scripts/fuzz.sh
fi
