#!/bin/sh
# NetworkX reads the GEXF and GraphML Chronomap writes: a graph with typed
# attributes (Gephi's "Modularity Class" as an integer), exported and read back in Python with
# the node and edge counts and the attribute's type checked.
# usage: networkx-reads.sh CHRONOMAP   (exit 77: NetworkX is not installed, the test is skipped)
set -eu
BIN=$1
python3 -c 'import networkx' 2>/dev/null || { echo "python3-networkx is not installed"; exit 77; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat >"$WORK/typed.gexf" <<'GEXF'
<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node">
      <attribute id="mc" title="Modularity Class" type="integer"/>
      <attribute id="score" title="score" type="double"/>
      <attribute id="ok" title="ok" type="boolean"/>
    </attributes>
    <nodes>
      <node id="1" label="Same"><attvalues><attvalue for="mc" value="3"/><attvalue for="score" value="0.5"/><attvalue for="ok" value="true"/></attvalues><viz:color hex="#ff00ff"/></node>
      <node id="2" label="Same"><attvalues><attvalue for="mc" value="4"/></attvalues></node>
      <node id="3" label="Other"/>
    </nodes>
    <edges><edge id="e1" source="1" target="2"/><edge id="e2" source="2" target="3"/></edges>
  </graph>
</gexf>
GEXF
# The seed story is left out: it mixes directed and undirected relations, which NetworkX
# cannot load in one graph (known and left; see the issue note).
"$BIN" new "$WORK/typed.chronomap" --empty >/dev/null
"$BIN" import "$WORK/typed.chronomap" "$WORK/typed.gexf" >/dev/null
for story in typed; do
    "$BIN" export "$WORK/$story.chronomap" -o "$WORK/$story.gexf" --format gexf >/dev/null
    "$BIN" export "$WORK/$story.chronomap" -o "$WORK/$story.graphml" --format graphml >/dev/null
    "$BIN" info "$WORK/$story.chronomap" --json >"$WORK/$story.json"
    python3 - "$WORK/$story" "$story" <<'PY'
import json, sys
import networkx as nx
base, story = sys.argv[1], sys.argv[2]
counts = json.load(open(base + '.json'))['counts']
for fmt, read in (('gexf', nx.read_gexf), ('graphml', nx.read_graphml)):
    g = read(base + '.' + fmt)
    assert g.number_of_nodes() == counts['actors'], (fmt, g.number_of_nodes(), counts)
    assert g.number_of_edges() == counts['relations'], (fmt, g.number_of_edges(), counts)
    if story == 'typed':
        classes = sorted(d.get('Modularity Class') for _, d in g.nodes(data=True)
                         if d.get('Modularity Class') is not None)
        assert classes == [3, 4], (fmt, classes)
        assert all(isinstance(c, int) for c in classes), (fmt, classes)
        scores = [d['score'] for _, d in g.nodes(data=True) if 'score' in d]
        assert scores == [0.5] and isinstance(scores[0], float), (fmt, scores)
        flags = [d['ok'] for _, d in g.nodes(data=True) if 'ok' in d]
        assert flags == [True], (fmt, flags)
print(story, 'ok')
PY
done
