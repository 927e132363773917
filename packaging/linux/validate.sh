#!/bin/sh
# Validates the desktop integration files in this folder with the tools distributions use:
# desktop-file-validate, appstreamcli (without network), update-mime-database, and man for
# the manual page.
# Exits 77 (ctest's SKIP_RETURN_CODE) when none of the tools is installed; a tool that is
# present and finds a problem fails the test with its own message.
set -u
dir=$(cd "$(dirname "$0")" && pwd)
id=org.chronomap.Chronomap
ran=0
failed=0

if command -v desktop-file-validate >/dev/null 2>&1; then
    ran=1
    # desktop-file-validate exits 0 on hints; any line it prints is a warning or an error.
    out=$(desktop-file-validate "$dir/$id.desktop" 2>&1) || failed=1
    [ -z "$out" ] || { echo "$out"; failed=1; }
    echo "desktop-file-validate $id.desktop: $([ $failed -eq 0 ] && echo ok || echo FAILED)"
fi

if command -v appstreamcli >/dev/null 2>&1; then
    ran=1
    if appstreamcli validate --no-net "$dir/$id.metainfo.xml"; then
        echo "appstreamcli validate $id.metainfo.xml: ok"
    else
        echo "appstreamcli validate $id.metainfo.xml: FAILED"
        failed=1
    fi
fi

if command -v update-mime-database >/dev/null 2>&1; then
    ran=1
    # Compile the MIME package into a scratch database: the type file appears only when the
    # package parsed and the type is well formed.
    tmp=$(mktemp -d)
    mkdir -p "$tmp/mime/packages"
    cp "$dir/$id.xml" "$tmp/mime/packages/"
    out=$(XDG_DATA_DIRS="$tmp" XDG_DATA_HOME="$tmp" update-mime-database "$tmp/mime" 2>&1)
    if [ -f "$tmp/mime/application/x-chronomap.xml" ] && [ -z "$out" ]; then
        echo "update-mime-database $id.xml: ok"
    else
        echo "$out"
        echo "update-mime-database $id.xml: FAILED"
        failed=1
    fi
    rm -rf "$tmp"
fi

if command -v man >/dev/null 2>&1; then
    ran=1
    # As lintian checks manual pages: any warning groff prints is a fault in the page.
    out=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 \
        man --warnings -E UTF-8 -l -Tutf8 -Z "$dir/chronomap.1" 2>&1 >/dev/null)
    if [ -z "$out" ]; then
        echo "man --warnings chronomap.1: ok"
    else
        echo "$out"
        echo "man --warnings chronomap.1: FAILED"
        failed=1
    fi
fi

if [ $ran -eq 0 ]; then
    echo "none of desktop-file-validate, appstreamcli, update-mime-database, man is installed: skipped"
    exit 77
fi
exit $failed
