#!/usr/bin/env bash
# Fuzz the core with libFuzzer (clang, AddressSanitizer + UndefinedBehaviorSanitizer): the
# proposal reader, the programme reader, and read-then-validate-then-summarise. Each target
# runs for INTERREG_FUZZ_SECONDS (default 60, what CI needs; set e.g. 10 locally).
#
#   scripts/fuzz.sh                  # every target
#   scripts/fuzz.sh proposal         # one target (proposal, programme or validate)
#
# Seeds: cpp/fuzz/corpus/<target>/ (committed), tests/data/valid/ and the embedded programme.
# What a run discovers goes to build/fuzz/corpus-<target>/ (never committed); a crash is
# written to build/fuzz/crash-* and fails the script: turn it into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH="${INTERREG_FUZZ_SECONDS:-60}"
if [ $# -gt 0 ]; then TARGETS=("$@"); else TARGETS=(proposal programme validate); fi
BUILD=build/fuzz

CXX=clang++ cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DINTERREG_FUZZ=ON -DINTERREG_TESTS=OFF -DINTERREG_PYTHON=OFF >/dev/null
cmake --build "$BUILD" -j2 --target $(printf 'fuzz_%s ' "${TARGETS[@]}")

seeds() {
    case "$1" in
        programme) echo cpp/fuzz/corpus/programme python/interreg/data/programmes ;;
        *) echo cpp/fuzz/corpus/proposal tests/data/valid ;;
    esac
}

for target in "${TARGETS[@]}"; do
    mkdir -p "$BUILD/corpus-$target"
    echo "fuzz_$target: ${SECONDS_EACH} s"
    # shellcheck disable=SC2046
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        "$BUILD/fuzz_$target" -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -timeout=10 \
        -dict=cpp/fuzz/json.dict -print_final_stats=1 -artifact_prefix="$BUILD/crash-$target-" \
        "$BUILD/corpus-$target" $(seeds "$target") 2>"$BUILD/fuzz_$target.log" \
        || { tail -n 60 "$BUILD/fuzz_$target.log"; echo "fuzz_$target found a crash: see $BUILD/fuzz_$target.log" >&2; exit 1; }
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+ *DONE" "$BUILD/fuzz_$target.log" | tr '\n' ' '
    echo
done
