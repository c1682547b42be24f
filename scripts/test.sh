#!/usr/bin/env bash
# Run every test: the C++ core (GoogleTest via ctest), then the Python API, the command
# line, the stub check and the example notebooks (pytest). Needs scripts/bootstrap.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."

cmake -S . -B build/cpp -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINTERREG_PYTHON=OFF -DINTERREG_TESTS=ON >/dev/null
cmake --build build/cpp
ctest --test-dir build/cpp --output-on-failure -j2

# Rebuild the extension if the C++ changed (a no-op reinstall takes a few seconds).
.venv/bin/python -m pip install --no-build-isolation --no-deps -e . >/dev/null
.venv/bin/python -m pytest -q "$@"
