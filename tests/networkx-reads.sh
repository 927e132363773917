#!/bin/sh
# NetworkX reads the GEXF and GraphML Chronomap writes: a graph with typed attributes (Gephi's
# "Modularity Class" as an integer), the seed story (directed and undirected relations mixed)
# and a graph with timed attribute values, exported and read back in Python with the node and
# edge counts, the directions and the attributes' types checked; and a story with validity,
# relation bounds and timed values, whose spells and timed values NetworkX must see.
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
# Validity, relation bounds and timed values, all directed: NetworkX must see the node and edge
# spells and the timed values (GEXF), and the timed values' companion keys (GraphML).
cat >"$WORK/dated.gexf" <<'GEXF'
<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
    <attributes class="node" mode="dynamic">
      <attribute id="seats" title="Seats" type="integer"/>
    </attributes>
    <attributes class="edge" mode="dynamic">
      <attribute id="w" title="Strength" type="double"/>
    </attributes>
    <nodes>
      <node id="p" label="Party"><attvalues>
        <attvalue for="seats" value="12" start="2019-01-01" end="2019-12-31"/>
        <attvalue for="seats" value="15" start="2020-01-01"/>
      </attvalues><spells><spell start="2018-03-01" end="2022-06-30"/></spells></node>
      <node id="m" label="Minister"><spells><spell start="2020-01-15"/></spells></node>
      <node id="q" label="Always"/>
    </nodes>
    <edges>
      <edge id="e1" source="m" target="p"><attvalues>
        <attvalue for="w" value="0.5" start="2020-02-01" end="2020-06-30"/>
      </attvalues><spells><spell start="2020-02-01" end="2021-01-31"/></spells></edge>
      <edge id="e2" source="p" target="q"/>
    </edges>
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
"$BIN" new "$WORK/dated.chronomap" --empty >/dev/null
"$BIN" import "$WORK/dated.chronomap" "$WORK/dated.gexf" >/dev/null
for story in typed seed timed dated; do
    "$BIN" export "$WORK/$story.chronomap" -o "$WORK/$story.gexf" --format gexf >/dev/null
    "$BIN" export "$WORK/$story.chronomap" -o "$WORK/$story.graphml" --format graphml >/dev/null
    "$BIN" info "$WORK/$story.chronomap" --json >"$WORK/$story.json"
    "$BIN" export "$WORK/$story.chronomap" -o "$WORK/$story.story.json" --format json >/dev/null
    python3 - "$WORK/$story" "$story" <<'PY'
import json, sys
import networkx as nx
base, story = sys.argv[1], sys.argv[2]
def nodes_label(g, n):
    return g.nodes[n]['label']
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
    if story == 'dated':
        # Pure directed: a DiGraph in both formats (edge ids a1... are GEXF's, r1... ours).
        assert g.is_directed(), fmt
        nodes = {d['label']: d for _, d in g.nodes(data=True)}
        edges = {(nodes_label(g, u), nodes_label(g, v)): d for u, v, d in g.edges(data=True)}
        if fmt == 'gexf':
            assert g.graph['mode'] == 'dynamic', g.graph
            # Validity and relation bounds as spells (an open end is None: no end attribute).
            assert nodes['Party']['spells'] == [('2018-03-01', '2022-06-30')], nodes['Party']
            assert nodes['Minister']['spells'] == [('2020-01-15', 'None')], nodes['Minister']
            assert 'spells' not in nodes['Always'], nodes['Always']
            assert edges[('Minister', 'Party')]['spells'] == [('2020-02-01', '2021-01-31')], edges
            assert 'spells' not in edges[('Party', 'Always')], edges
            # Timed values as dynamic attvalues, typed.
            assert nodes['Party']['Seats'] == [(12, '2019-01-01', '2019-12-31'),
                                               (15, '2020-01-01', 'None')], nodes['Party']
            assert edges[('Minister', 'Party')]['Strength'] == [(0.5, '2020-02-01', '2020-06-30')], edges
        else:
            assert nodes['Party']['Seats:timed'] == \
                '<[2019-01-01, 2019-12-31, 12]; [2020-01-01, Infinity, 15]>', nodes['Party']
            assert edges[('Minister', 'Party')]['Strength:timed'] == \
                '<[2020-02-01, 2020-06-30, 0.5]>', edges
            assert edges[('Minister', 'Party')]['end'] == '2021-01-31', edges
    if story == 'typed':
        assert not g.is_directed(), fmt
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
