#!/bin/sh
# Regenerates the pictures of docs/guide.md with Chronomap's own export, from the sample story
# (the 28-point peace framework). Run from the source folder after building:
#   docs/make-images.sh [path/to/chronomap]
# Each picture must stay under about 200 KB; the script says which one does not.
set -eu

chronomap=${1:-build/app/chronomap}
here=$(cd "$(dirname "$0")" && pwd)
out="$here/images"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

[ -x "$chronomap" ] || { echo "make-images: $chronomap is not built (give its path)" >&2; exit 1; }
mkdir -p "$out"
story="$work/peace-plan.chronomap"
"$chronomap" new "$story" >/dev/null

shot() {
    name=$1
    shift
    # Entries not yet cleared for publication are drawn marked (hatched and tagged, the
    # default), as a newsroom sees them before clearing; a published chart leaves them out.
    "$chronomap" export "$story" -o "$out/$name.png" "$@" 2>/dev/null
    size=$(wc -c <"$out/$name.png")
    if [ "$size" -gt 204800 ]; then
        echo "make-images: $name.png is $size bytes, over 200 KB: make it smaller" >&2
        exit 1
    fi
    echo "docs/images/$name.png ($size bytes)"
}

# The whole story on the timeline, lanes by category.
shot timeline --view timeline --size 1400x700 --title "The 28-point peace framework"
# The same chart for a dark page or a projector.
shot timeline-dark --view timeline --size 1400x700 --theme dark \
    --title "The 28-point peace framework"
# From the August summit to the reports of the framework in November.
shot timeline-autumn --view timeline --size 1400x700 --from 2025-08 --to 2025-11 \
    --title "From the August summit to the 28 points"
# Who deals with whom.
shot actors --view actors --size 1200x800 --title "Who deals with whom"
