#!/usr/bin/env bash
# Fuzz the core with libFuzzer (clang, AddressSanitizer + UndefinedBehaviorSanitizer): the
# proposal reader, the programme reader, read-then-validate-then-summarise, sweep variants and
# the compact JSON document against nlohmann's tree, and the history's CSV reader. Each target
# runs for INTERREG_FUZZ_SECONDS (default 60, what CI needs; set e.g. 10 locally), all
# targets at once (FUZZ_JOBS, default 6: every target; the wall time is what CI spends).
#
#   scripts/fuzz.sh                  # every target
#   scripts/fuzz.sh proposal         # one target (proposal, programme, validate, sweep, json or history)
#
# Seeds: cpp/fuzz/corpus/<target>/ (committed), tests/data/valid/ and the embedded programme.
# What a run discovers goes to build/fuzz/corpus-<target>/ (never committed); a crash is
# written to build/fuzz/crash-* and fails the script: turn it into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH="${INTERREG_FUZZ_SECONDS:-60}"
if [ $# -gt 0 ]; then TARGETS=("$@"); else TARGETS=(proposal programme validate sweep json history); fi
BUILD=build/fuzz

CXX=clang++ cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DINTERREG_FUZZ=ON -DINTERREG_TESTS=OFF -DINTERREG_PYTHON=OFF >/dev/null
cmake --build "$BUILD" -j2 --target $(printf 'fuzz_%s ' "${TARGETS[@]}")

seeds() {
    case "$1" in
        programme) echo cpp/fuzz/corpus/programme python/interreg/data/programmes ;;
        sweep) echo cpp/fuzz/corpus/sweep ;;
        history) echo cpp/fuzz/corpus/history ;;
        *) echo cpp/fuzz/corpus/proposal tests/data/valid ;;
    esac
}

# Fuzz one target; its log and outcome go to $BUILD/fuzz_<target>.log and .status.
fuzz_one() {
    local target=$1
    mkdir -p "$BUILD/corpus-$target"
    # shellcheck disable=SC2046
    if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        "$BUILD/fuzz_$target" -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -timeout=10 \
        -dict=cpp/fuzz/json.dict -print_final_stats=1 -artifact_prefix="$BUILD/crash-$target-" \
        "$BUILD/corpus-$target" $(seeds "$target") >"$BUILD/fuzz_$target.log" 2>&1; then
        echo ok >"$BUILD/fuzz_$target.status"
    else
        echo crash >"$BUILD/fuzz_$target.status"
    fi
}

# All targets at once by default (they share the cores): the wall time is SECONDS_EACH.
echo "fuzzing ${TARGETS[*]}: ${SECONDS_EACH} s each, ${FUZZ_JOBS:=6} at a time"
running=0
for target in "${TARGETS[@]}"; do
    rm -f "$BUILD/fuzz_$target.status"
    fuzz_one "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$FUZZ_JOBS" ]; then
        wait -n
        running=$((running - 1))
    fi
done
wait

status=0
for target in "${TARGETS[@]}"; do
    echo "fuzz_$target: $(grep -hE '^stat::(number_of_executed_units|peak_rss_mb)' "$BUILD/fuzz_$target.log" | tr -s ' ' | tr '\n' ' ')"
    if [ "$(cat "$BUILD/fuzz_$target.status" 2>/dev/null)" != ok ]; then
        tail -n 60 "$BUILD/fuzz_$target.log"
        echo "fuzz_$target failed: see $BUILD/fuzz_$target.log and $BUILD/crash-$target-*" >&2
        status=1
    fi
done
exit "$status"
