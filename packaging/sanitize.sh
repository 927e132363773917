#!/bin/sh
# Builds Chronomap with AddressSanitizer and UndefinedBehaviorSanitizer in build-asan and runs
# the whole test suite under them (the stress label too if asked: sanitize.sh --stress).
# Leaks are errors, except those listed in packaging/lsan.supp (system libraries only).
# Usage: packaging/sanitize.sh [--stress]   (from anywhere; BUILD_DIR overrides build-asan)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$repo/build-asan}
jobs=${JOBS:-2}
exclude="-LE stress"
[ "${1:-}" = "--stress" ] && exclude=""

launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
cmake -S "$repo" -B "$build" -G Ninja -DCHRONOMAP_SANITIZE=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo $launcher
cmake --build "$build" -j"$jobs"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$repo/packaging/lsan.supp:print_suppressions=0
cd "$build"
# shellcheck disable=SC2086 # $exclude is two words or none
ctest --output-on-failure $exclude -j"$jobs"
