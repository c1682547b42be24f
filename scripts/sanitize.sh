#!/usr/bin/env bash
# The C++ tests under sanitizers; clean means no report at all (every sanitizer is fatal):
#  1. the whole GoogleTest suite under AddressSanitizer + UndefinedBehaviorSanitizer
#     (build/cpp: this is the suite's only build, scripts/test.sh runs it through here);
#  2. the concurrency test alone under ThreadSanitizer (build/tsan: the core and one test).
set -euo pipefail
cd "$(dirname "$0")/.."

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1

# -O1 -g1: sanitizer builds need little optimisation and only line tables, and compile in about
# half the time of -O2 -g (the C++ test build dominates CI).
FLAGS=(-DCMAKE_BUILD_TYPE=Sanitize "-DCMAKE_CXX_FLAGS_SANITIZE=-O1 -g1")

cmake -S . -B build/cpp -G Ninja "${FLAGS[@]}" -DINTERREG_PYTHON=OFF -DINTERREG_TESTS=ON \
    -DINTERREG_SANITIZE=address,undefined >/dev/null
cmake --build build/cpp -j2
# One process for the whole suite: ctest would start the binary once per test (800 starts,
# each loading the programme under ASan, minutes of CI). `ctest --test-dir build/cpp` still works.
build/cpp/interreg_tests --gtest_brief=1

cmake -S . -B build/tsan -G Ninja "${FLAGS[@]}" -DINTERREG_PYTHON=OFF -DINTERREG_TESTS=ON \
    -DINTERREG_SANITIZE=thread >/dev/null
cmake --build build/tsan -j2 --target interreg_concurrency_tests
build/tsan/interreg_concurrency_tests --gtest_brief=1
