#!/bin/sh
# Fails when a translation file has fallen behind the sources: a tr() text added or changed
# without `cmake --build build --target update_translations`, which leaves translators (and
# any language but English) without it. Runs lupdate on a scratch copy of each .ts, with the
# options app/CMakeLists.txt gives it, and reads how many texts it would add or drop.
#   check-ts.sh LUPDATE SOURCE_DIR
set -eu
lupdate=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
for ts in "$src"/i18n/*.ts; do
    cp "$ts" "$tmp/check.ts"
    out=$(cd "$src" && "$lupdate" -no-obsolete -locations none app ui core -ts "$tmp/check.ts" 2>&1)
    new=$(printf '%s\n' "$out" | sed -n 's/.*Found [0-9]* source text(s) (\([0-9]*\) new.*/\1/p')
    dropped=$(printf '%s\n' "$out" | sed -n 's/.*Removed \([0-9]*\) obsolete.*/\1/p')
    if [ -z "$new" ]; then
        printf '%s\n' "$out"
        echo "$(basename "$ts"): lupdate did not report its count"
        failed=1
    elif [ "$new" != 0 ] || [ "${dropped:-0}" != 0 ]; then
        echo "$(basename "$ts"): $new text(s) missing, ${dropped:-0} no longer in the sources;" \
            "run: cmake --build <build> --target update_translations"
        failed=1
    else
        echo "$(basename "$ts"): up to date"
    fi
done
exit $failed
