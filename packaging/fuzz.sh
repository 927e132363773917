#!/bin/sh
# Opt-in fuzzing: builds the libFuzzer targets in fuzz/ with clang (AddressSanitizer and
# coverage) in /tmp/build-fuzz and runs each for a bounded time through `ctest -L fuzz`.
# New inputs stay in the build directory; a crash leaves its input in
# /tmp/build-fuzz/fuzz/fuzz-artifacts/<target>/. Minimise it (fuzz_<target> -minimize_crash=1
# -runs=10000 crash-...), fix the bug, then add the input to fuzz/corpus/<target>/ so that
# tests/tst_fuzzcorpus replays it in the normal suite. CI never runs this (.ci/run).
# Usage: packaging/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 60 s, every target)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-/tmp/build-fuzz}
seconds=${1:-60}
[ $# -gt 0 ] && shift
case $seconds in '' | *[!0-9]*) echo "fuzz.sh: seconds must be a number, got '$seconds'" >&2; exit 2 ;; esac

# Debian 12: clang and its libFuzzer runtime.
missing=""
command -v clang++ >/dev/null 2>&1 || missing="$missing clang"
ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 ||
    missing="$missing libclang-rt-14-dev"
if [ -n "$missing" ]; then
    echo "fuzz.sh: installing$missing"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -qq
    # shellcheck disable=SC2086 # a list of package names
    $sudo apt-get install -y --no-install-recommends $missing
fi

launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHRONOMAP_FUZZ=ON \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCHRONOMAP_FUZZ_SECONDS="$seconds" $launcher
targets=""
for t in "${@:-csv timelinejs gexf graphml chronomapjson edtf}"; do
    for one in $t; do targets="$targets fuzz_$one"; done
done
# shellcheck disable=SC2086 # a list of targets
cmake --build "$build" -j"${JOBS:-2}" --target $targets

cd "$build"
regex=$(echo "$targets" | sed 's/^ *//; s/ \+/|/g')
export ASAN_OPTIONS=detect_leaks=1
status=0
ctest -L fuzz -R "^($regex)\$" --output-on-failure || status=$?
# What each target did: runs and seconds (libFuzzer's closing line), from ctest's log.
grep -E "^[0-9]+/[0-9]+ Test: |Done [0-9]+ runs" Testing/Temporary/LastTest.log || true
exit $status
