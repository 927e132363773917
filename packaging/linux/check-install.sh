#!/bin/sh
# Installs the build into a scratch folder, as `cpack -G DEB` does before it packs, and checks
# that everything a desktop and Debian expect is there: the program, the desktop entry, the
# AppStream metadata, the file type, the icon in every hicolor size, the manual page, the
# copyright file and changelog, and the user guide with its pictures.
#   check-install.sh BUILD_DIR
set -eu
build=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
DESTDIR="$root" cmake --install "$build" --prefix /usr >"$root.log" 2>&1 || {
    cat "$root.log"
    rm -f "$root.log"
    echo "cmake --install failed"
    exit 1
}
rm -f "$root.log"
id=org.chronomap.Chronomap
missing=0
for f in bin/chronomap share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
    share/mime/packages/$id.xml share/icons/hicolor/scalable/apps/$id.svg \
    share/man/man1/chronomap.1.gz share/doc/chronomap/copyright share/doc/chronomap/changelog.gz \
    share/doc/chronomap/guide.md \
    share/doc/chronomap/images/timeline.png share/doc/chronomap/images/actors.png; do
    [ -s "$root/usr/$f" ] || { echo "missing: /usr/$f"; missing=1; }
done
for size in 16 22 24 32 48 64 128 256; do
    f=share/icons/hicolor/${size}x${size}/apps/$id.png
    [ -s "$root/usr/$f" ] || { echo "missing: /usr/$f"; missing=1; continue; }
    got=$(python3 -c "import struct,sys;d=open(sys.argv[1],'rb').read(24);print('%dx%d'%struct.unpack('>II',d[16:24]))" "$root/usr/$f")
    [ "$got" = "${size}x${size}" ] || { echo "/usr/$f is $got"; missing=1; }
done
# The guide's pictures are where guide.md links them.
for img in $(sed -n 's/.*](\(images\/[^)]*\)).*/\1/p' "$root/usr/share/doc/chronomap/guide.md"); do
    [ -s "$root/usr/share/doc/chronomap/$img" ] || { echo "guide.md links $img, not installed"; missing=1; }
done
gzip -t "$root/usr/share/man/man1/chronomap.1.gz" "$root/usr/share/doc/chronomap/changelog.gz" || missing=1
[ $missing -eq 0 ] && echo "install layout: ok"
exit $missing
