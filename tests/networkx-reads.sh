#!/bin/sh
# NetworkX reads the GEXF and GraphML Chronomap writes: a graph with typed attributes (Gephi's
# "Modularity Class" as an integer), the seed story (directed and undirected relations mixed)
# and a graph with timed attribute values, exported and read back in Python with the node and
# edge counts, the directions and the attributes' types checked.
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
cat >"$WORK/timed.gexf" <<'GEXF'
<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
    <attributes class="node" mode="dynamic">
      <attribute id="score" title="Score" type="double"/>
    </attributes>
    <nodes>
      <node id="a" label="A"><attvalues>
        <attvalue for="score" value="0.5" start="2020-01-01" end="2020-12-31"/>
        <attvalue for="score" value="0.75" start="2021-01-01" end="2021-12-31"/>
      </attvalues></node>
      <node id="b" label="B"/>
      <node id="c" label="C"/>
    </nodes>
    <edges><edge id="e1" source="a" target="b"/><edge id="e2" source="b" target="c" type="undirected"/></edges>
  </graph>
</gexf>
GEXF
# The seed story mixes directed and undirected relations. NetworkX takes one direction for the
# whole graph and refuses an edge that contradicts it: in GEXF a mixed graph is written
# directed with its undirected relations "mutual" (two arcs in NetworkX, one edge in Gephi),
# which NetworkX reads. In GraphML an undirected edge of a directed graph can only say
# directed="false" (what Gephi reads), which NetworkX refuses: that is checked to stay so, so
# that this test says when NetworkX learns to read it.
"$BIN" new "$WORK/seed.chronomap" >/dev/null
"$BIN" new "$WORK/timed.chronomap" --empty >/dev/null
"$BIN" import "$WORK/timed.chronomap" "$WORK/timed.gexf" >/dev/null
"$BIN" new "$WORK/typed.chronomap" --empty >/dev/null
"$BIN" import "$WORK/typed.chronomap" "$WORK/typed.gexf" >/dev/null
for story in typed seed timed; do
    "$BIN" export "$WORK/$story.chronomap" -o "$WORK/$story.gexf" --format gexf >/dev/null
    "$BIN" export "$WORK/$story.chronomap" -o "$WORK/$story.graphml" --format graphml >/dev/null
    "$BIN" info "$WORK/$story.chronomap" --json >"$WORK/$story.json"
    "$BIN" export "$WORK/$story.chronomap" -o "$WORK/$story.story.json" --format json >/dev/null
    python3 - "$WORK/$story" "$story" <<'PY'
import json, sys
import networkx as nx
base, story = sys.argv[1], sys.argv[2]
counts = json.load(open(base + '.json'))['counts']
whole = json.load(open(base + '.story.json'))
undirected = sum(1 for r in whole['relations'] if not r.get('directed', True))
mixed = 0 < undirected < len(whole['relations'])
if story == 'seed':
    assert mixed, ('the seed story should mix directed and undirected relations', undirected)
for fmt, read in (('gexf', nx.read_gexf), ('graphml', nx.read_graphml)):
    if mixed and fmt == 'graphml':
        try:
            read(base + '.' + fmt)
        except nx.NetworkXError as e:
            assert 'directed=false' in str(e), e
            continue
        raise AssertionError('NetworkX now reads a mixed GraphML graph: check it here')
    g = read(base + '.' + fmt)
    assert g.number_of_nodes() == counts['actors'], (fmt, g.number_of_nodes(), counts)
    # Edge ids: GEXF keeps them as data; GraphML as the keys of a multigraph, else as data.
    if fmt == 'graphml' and g.is_multigraph():
        ids = {k for _, _, k in g.edges(keys=True)}
    else:
        ids = {d.get('id') for _, _, d in g.edges(data=True)}
    assert len(ids) == counts['relations'], (fmt, len(ids), counts)
    if mixed:
        assert g.is_directed(), fmt
        # An undirected relation is a mutual edge: two arcs with one id.
        assert g.number_of_edges() == counts['relations'] + undirected, (fmt, g.number_of_edges())
    else:
        assert g.number_of_edges() == counts['relations'], (fmt, g.number_of_edges(), counts)
    if story == 'timed' and fmt == 'gexf':
        scores = [d['Score'] for _, d in g.nodes(data=True) if 'Score' in d]
        assert scores == [[(0.5, '2020-01-01', '2020-12-31'), (0.75, '2021-01-01', '2021-12-31')]], scores
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
