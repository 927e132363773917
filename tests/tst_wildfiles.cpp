// Files of the kinds in ../shared/realworld but not from it, written here by hand as the tools
// write them: a Gephi 0.10 GEXF with hex colours, dynamic spells and timed values, a GEXF of
// abstract time steps, a yEd GraphML with a group, and Kumu and Gephi spreadsheets separated
// by ";". Each is imported whole with its counts and typed values, and what is timed stays
// timed through GEXF and Chronomap JSON. Then the audit of issue 14 as a user meets it: GEXF
// 1.1 naming attributes by title with dated nodes, Gephi Lite's hex colours, yEd's <desc>,
// groups and layout, Kumu's relation types, a TimelineJS 2 file, a table separated by spaces,
// and a Gephi nodes + edges pair that round-trips with its layout (no pins).
#include "interchangetest.h"

#include "interchange/interchange.h"
#include "query/eventfilter.h"

using namespace chronomap;

// Declared before the fixtures: moc does not read past raw string literals.
class TestWildFiles : public QObject
{
    Q_OBJECT

private slots:
    void gephi010Gexf();
    void abstractStepsAreNotYears();
    void yedGroups();
    void kumuSemicolons();
    void gephiNodeTableSemicolons();
    void gexf11ByTitleWithDates();
    void gephiLiteHexColours();
    void yedDescGroupAndLayout();
    void kumuTypeIsTheRelation();
    void timelineJs2IsNamed();
    void spaceSeparatedEdges();
    void nodesAndEdgesPairRoundTrips();
    void nodesTableLayoutIsNoPin();
    void kumuElementsTypeIsTheKind();
    void gexf13TimeLists();
    void gephiNodeTimeset();
};

namespace {

const QByteArray kGephi010 = R"(<?xml version='1.0' encoding='UTF-8'?>
<gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">
  <meta lastmodifieddate="2024-03-01">
    <creator>Gephi 0.10.1</creator>
    <title></title>
    <description></description>
  </meta>
  <graph defaultedgetype="directed" mode="dynamic" timeformat="date" timerepresentation="interval">
    <attributes class="node" mode="static">
      <attribute id="modularity_class" title="Modularity Class" type="integer"></attribute>
    </attributes>
    <attributes class="node" mode="dynamic">
      <attribute id="score" title="Score" type="double"></attribute>
    </attributes>
    <attributes class="edge" mode="dynamic">
      <attribute id="trust" title="Trust" type="double"></attribute>
    </attributes>
    <nodes>
      <node id="0" label="Alpha">
        <attvalues>
          <attvalue for="modularity_class" value="1"></attvalue>
          <attvalue for="score" value="0.5" start="2020-01-01" end="2020-12-31"></attvalue>
          <attvalue for="score" value="0.75" start="2021-01-01" end="2021-12-31"></attvalue>
        </attvalues>
        <spells>
          <spell start="2020-01-01" end="2021-12-31"></spell>
        </spells>
        <viz:size value="12.5"></viz:size>
        <viz:position x="10.0" y="-4.5"></viz:position>
        <viz:color hex="#1f77b4" a="0.8"></viz:color>
      </node>
      <node id="1" label="Alpha">
        <attvalues>
          <attvalue for="modularity_class" value="2"></attvalue>
        </attvalues>
        <viz:color hex="#ff7f0e"></viz:color>
      </node>
      <node id="2" label="Gamma">
        <attvalues>
          <attvalue for="modularity_class" value="2"></attvalue>
        </attvalues>
      </node>
    </nodes>
    <edges>
      <edge id="0" source="0" target="1" weight="2.0">
        <attvalues>
          <attvalue for="trust" value="1.0" start="2020-01-01" end="2020-06-30"></attvalue>
          <attvalue for="trust" value="2.0" start="2020-07-01" end="2020-12-31"></attvalue>
        </attvalues>
        <spells>
          <spell start="2020-01-01" end="2020-12-31"></spell>
        </spells>
        <viz:color r="10" g="20" b="30"></viz:color>
        <viz:thickness value="3.0"></viz:thickness>
      </edge>
      <edge id="1" source="1" target="2" type="undirected"></edge>
    </edges>
  </graph>
</gexf>
)";

const QByteArray kSteps = R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected" mode="dynamic" timeformat="integer">
    <attributes class="node" mode="dynamic">
      <attribute id="w" title="Weight" type="integer"/>
    </attributes>
    <nodes>
      <node id="a" label="A" start="0" end="3">
        <attvalues>
          <attvalue for="w" value="1" start="0" end="1"/>
          <attvalue for="w" value="2" start="2" end="3"/>
        </attvalues>
      </node>
      <node id="b" label="B"/>
    </nodes>
    <edges><edge id="e" source="a" target="b" start="1" end="2"/></edges>
  </graph>
</gexf>
)";

const QByteArray kYedGroups = R"(<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:java="http://www.yworks.com/xml/yfiles-common/1.0/java" xmlns:sys="http://www.yworks.com/xml/yfiles-common/markup/primitives/2.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3">
  <key attr.name="description" attr.type="string" for="node" id="d5"/>
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0" yfiles.foldertype="group">
      <data key="d6">
        <y:ProxyAutoBoundsNode>
          <y:Realizers active="0">
            <y:GroupNode>
              <y:Geometry height="200.0" width="300.0" x="0.0" y="0.0"/>
              <y:Fill color="#F5F5F5" transparent="false"/>
              <y:NodeLabel alignment="right" autoSizePolicy="node_width">Ministry</y:NodeLabel>
            </y:GroupNode>
          </y:Realizers>
        </y:ProxyAutoBoundsNode>
      </data>
      <graph edgedefault="directed" id="n0:">
        <node id="n0::n0">
          <data key="d6">
            <y:ShapeNode>
              <y:Geometry height="30.0" width="80.0" x="20.0" y="40.0"/>
              <y:Fill color="#FFCC00" transparent="false"/>
              <y:NodeLabel>Minister</y:NodeLabel>
              <y:Shape type="rectangle"/>
            </y:ShapeNode>
          </data>
        </node>
        <node id="n0::n1">
          <data key="d5">Deputy, since 2024</data>
          <data key="d6">
            <y:ShapeNode>
              <y:Geometry height="30.0" width="80.0" x="20.0" y="120.0"/>
              <y:Fill color="#99CC00" transparent="false"/>
              <y:NodeLabel>Deputy</y:NodeLabel>
            </y:ShapeNode>
          </data>
        </node>
      </graph>
    </node>
    <node id="n1">
      <data key="d6">
        <y:ShapeNode>
          <y:Geometry height="30.0" width="80.0" x="400.0" y="40.0"/>
          <y:NodeLabel>Press</y:NodeLabel>
        </y:ShapeNode>
      </data>
    </node>
    <edge id="e0" source="n0::n0" target="n1">
      <data key="d10">
        <y:PolyLineEdge>
          <y:Arrows source="none" target="standard"/>
          <y:EdgeLabel>briefs</y:EdgeLabel>
        </y:PolyLineEdge>
      </data>
    </edge>
    <edge id="e1" source="n0::n0" target="n0::n1">
      <data key="d10">
        <y:PolyLineEdge>
          <y:Arrows source="none" target="none"/>
        </y:PolyLineEdge>
      </data>
    </edge>
  </graph>
</graphml>
)";

// Kumu's connections sheet, saved by a spreadsheet in a locale that separates with ";".
const QByteArray kKumu = "From;To;Type;Direction;Strength;Tags\n"
                         "Alice;Bob;ally;mutual;2,5;press|politics\n"
                         "Bob;Carol;funds;directed;1;\n";

// Gephi's Data Laboratory node table, exported with ";".
const QByteArray kGephiNodes = "Id;Label;Modularity Class;Degree;Active\n"
                               "a;Alpha;1;3;true\n"
                               "b;Beta;2;1;false\n";

// GEXF 1.1 as older tools write it: attvalues name their attribute by title, not by id, and
// nodes carry their dates as start/end attributes of a "date" time format.
const QByteArray kGexf11 = R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.1draft" xmlns:viz="http://www.gexf.net/1.1draft/viz" version="1.1">
  <meta lastmodifieddate="2011-09-05"><creator>Gephi 0.8</creator></meta>
  <graph mode="dynamic" defaultedgetype="undirected" timeformat="date">
    <attributes class="node" mode="static">
      <attribute id="0" title="Party" type="string"/>
      <attribute id="1" title="Seats" type="integer"><default>0</default></attribute>
    </attributes>
    <nodes>
      <node id="n0" label="Mayor" start="2014-05-25" end="2020-06-28">
        <attvalues><attvalue for="Party" value="Greens"/><attvalue for="Seats" value="12"/></attvalues>
        <viz:color r="0" g="114" b="178"/>
      </node>
      <node id="n1" label="Council" start="2014-05-25">
        <attvalues><attvalue for="Party" value="Mixed"/></attvalues>
      </node>
    </nodes>
    <edges>
      <edge id="0" source="n0" target="n1" start="2015-01-01" end="2016-12-31"/>
    </edges>
  </graph>
</gexf>
)";

// Gephi Lite's export (graphology): GEXF 1.2, colours as hex, lower and upper case.
const QByteArray kGephiLite = R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz">
  <meta><title>lite</title></meta>
  <graph defaultedgetype="directed">
    <attributes class="node"><attribute id="community" title="community" type="integer"/></attributes>
    <nodes>
      <node id="x"><attvalues><attvalue for="community" value="3"/></attvalues>
        <viz:color hex="#e6194b"/><viz:size value="4"/><viz:position x="1.5" y="2.5"/></node>
      <node id="y" label="Why"><viz:color hex="#3CB44BCC"/><viz:position x="-3" y="0"/></node>
    </nodes>
    <edges><edge source="x" target="y"><viz:color hex="#4363D8"/></edge></edges>
  </graph>
</gexf>
)";

// yEd desktop with <desc> on a node, an edge and the graph, and a closed group.
const QByteArray kYedDesc = R"(<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key attr.name="Notes" attr.type="string" for="node" id="d7"/>
  <graph edgedefault="directed" id="G">
    <desc>Who funds whom, March</desc>
    <node id="n0">
      <desc>Lobby group</desc>
      <data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="60.0" x="100.0" y="50.0"/>
        <y:NodeLabel>Fund A</y:NodeLabel></y:ShapeNode></data>
    </node>
    <node id="n1" yfiles.foldertype="folder">
      <data key="d6"><y:ProxyAutoBoundsNode><y:Realizers active="1">
        <y:GroupNode><y:Geometry height="100.0" width="100.0" x="0.0" y="0.0"/><y:NodeLabel>Board (open)</y:NodeLabel></y:GroupNode>
        <y:GroupNode><y:Geometry height="40.0" width="80.0" x="300.0" y="200.0"/><y:NodeLabel>Board</y:NodeLabel></y:GroupNode>
      </y:Realizers></y:ProxyAutoBoundsNode></data>
      <graph edgedefault="directed" id="n1:">
        <node id="n1::n0"><data key="d7">chair</data>
          <data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="60.0" x="310.0" y="210.0"/>
          <y:NodeLabel>Chair</y:NodeLabel></y:ShapeNode></data></node>
      </graph>
    </node>
    <edge id="e0" source="n0" target="n1::n0"><desc>since 2022</desc></edge>
  </graph>
</graphml>
)";

// Kumu's connections sheet whose Type column holds the kinds of relation.
const QByteArray kKumuTypes = "From,To,Type,Strength\n"
                              "Alice,Bob,funds,3\n"
                              "Bob,Carol,advises,1\n"
                              "Carol,Alice,Directed,1\n";

// A TimelineJS 2 file (the "timeline" object with its "date" list).
const QByteArray kTimelineJs2 = R"({"timeline": {"headline": "Old", "type": "default",
  "startDate": "2012", "date": [{"startDate": "2012,1,26", "headline": "Sure"}]}})";

// Gephi reads tables separated by spaces.
const QByteArray kSpaces = "Source Target Weight\nParis Berlin 2\nBerlin Rome 1.5\n";

// A Gephi node table and its edge table, with the layout's x and y.
const QByteArray kPairNodes = "Id,Label,x,y,Modularity Class:integer\n"
                              "p,Paris,10,-20,1\n"
                              "b,Berlin,30.5,4,2\n"
                              "r,Rome,,,2\n";
const QByteArray kPairEdges = "Source,Target,Type,Id,Label,Weight\n"
                              "p,b,Directed,e1,trains,2\n"
                              "b,r,Undirected,e2,flights,1\n";

std::unique_ptr<Store> imported(test::Stories& stories, const QByteArray& bytes,
                                const QString& name, ImportSummary* summary = nullptr)
{
    auto s = stories.create();
    const QString path = stories.write(name, bytes);
    const ImportSummary done = applyParsedImport(*s, parseImport(path));
    if (summary)
        *summary = done;
    return s;
}

// A copy, so that a list returned by value (store.actors()) may be passed.
std::optional<Actor> actorNamed(const QList<Actor>& actors, const QString& name)
{
    for (const Actor& a : actors)
        if (a.name == name)
            return a;
    return std::nullopt;
}

} // namespace

void TestWildFiles::gephi010Gexf()
{
    test::Stories stories;
    auto s = imported(stories, kGephi010, QStringLiteral("gephi.gexf"));
    QCOMPARE(s->counts().actors, 3); // the two "Alpha" nodes stay two actors
    QCOMPARE(s->counts().relations, 2);
    const QList<Actor> actors = s->actors();
    const Actor* alpha = nullptr;
    for (const Actor& a : actors)
        if (a.name == QLatin1String("Alpha") && filePosition(a))
            alpha = &a;
    QVERIFY(alpha);
    QCOMPARE(alpha->color.name(), QStringLiteral("#1f77b4"));
    QCOMPARE(alpha->color.alpha(), 204);
    // The file's place, where the map starts; not a pin the user set.
    QVERIFY(!alpha->pinnedX && !alpha->pinnedY);
    QCOMPARE(*filePosition(*alpha), QPointF(10.0, -4.5));
    const Attribute* mc = findAttribute(alpha->attributes, QStringLiteral("Modularity Class"));
    QVERIFY(mc);
    QCOMPARE(mc->type, AttributeType::Integer);
    QCOMPARE(mc->value, QStringLiteral("1"));
    // Timed values stay timed, typed, with their bounds.
    const Attribute* score = findAttribute(alpha->attributes, QStringLiteral("Score"));
    QVERIFY(score);
    QCOMPARE(score->type, AttributeType::Double);
    QVERIFY(score->value.isEmpty());
    QCOMPARE(
        score->spells,
        (QList<AttributeSpell>{
            {QStringLiteral("0.5"), QStringLiteral("2020-01-01"), QStringLiteral("2020-12-31")},
            {QStringLiteral("0.75"), QStringLiteral("2021-01-01"), QStringLiteral("2021-12-31")}}));
    QCOMPARE(score->number().value_or(-1.0), 0.75);
    QCOMPARE(attributeText(alpha->attributes, QStringLiteral("valid")),
             QStringLiteral("2020-01-01/2021-12-31"));

    const QList<Relation> relations = s->relations();
    int undirected = 0;
    for (const Relation& r : relations) {
        undirected += !r.directed;
        if (const Attribute* trust = findAttribute(r.attributes, QStringLiteral("Trust"))) {
            QCOMPARE(trust->type, AttributeType::Double);
            QCOMPARE(trust->spells.size(), 2);
            QCOMPARE(trust->spells.at(1).value, QStringLiteral("2"));
            QCOMPARE(trust->spells.at(1).start, QStringLiteral("2020-07-01"));
            QVERIFY(r.valid.isValid());
            QCOMPARE(r.weight, 2.0);
        }
    }
    QCOMPARE(undirected, 1);

    // Through GEXF and Chronomap JSON and back: the timed values are as they were.
    for (const auto& [format, suffix] :
         {std::pair{QStringLiteral("gexf"), QStringLiteral("gexf")},
          std::pair{QStringLiteral("chronomap"), QStringLiteral("json")}}) {
        const QString out = stories.path(QStringLiteral("out.") + suffix);
        exportData(*s, format, out);
        auto back = stories.create();
        applyParsedImport(*back, parseImport(out));
        QCOMPARE(back->counts().actors, 3);
        const QList<Actor> again = back->actors();
        bool found = false;
        for (const Actor& a : again)
            if (const Attribute* sc = findAttribute(a.attributes, QStringLiteral("Score"))) {
                QCOMPARE(sc->spells, score->spells);
                QCOMPARE(sc->type, AttributeType::Double);
                found = true;
            }
        QVERIFY2(found, qPrintable(format));
    }
    // The GEXF says they are timed: a dynamic attribute, one <attvalue> per time.
    const QByteArray gexf = exportBytes(*s, QStringLiteral("gexf"));
    QVERIFY(gexf.contains(R"(mode="dynamic")"));
    QVERIFY(gexf.contains(R"(value="0.75" start="2021-01-01" end="2021-12-31")"));
}

void TestWildFiles::abstractStepsAreNotYears()
{
    test::Stories stories;
    ImportSummary summary;
    auto s = imported(stories, kSteps, QStringLiteral("steps.gexf"), &summary);
    QCOMPARE(s->counts().actors, 2);
    QCOMPARE(s->counts().relations, 1);
    QVERIFY(!summary.warnings.isEmpty()); // says they are steps, not dates
    for (const Relation& r : s->relations())
        QVERIFY(!r.valid.isValid()); // never the years 0001–0002
    const std::optional<Actor> a = actorNamed(s->actors(), QStringLiteral("A"));
    QVERIFY(a);
    QVERIFY(!findAttribute(a->attributes, QStringLiteral("valid")));
    const Attribute* w = findAttribute(a->attributes, QStringLiteral("Weight"));
    QVERIFY(w);
    QCOMPARE(w->type, AttributeType::Integer);
    QCOMPARE(w->spells, (QList<AttributeSpell>{
                            {QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("1")},
                            {QStringLiteral("2"), QStringLiteral("2"), QStringLiteral("3")}}));
    // Written back as steps, not dates.
    const QByteArray gexf = exportBytes(*s, QStringLiteral("gexf"));
    QVERIFY(gexf.contains(R"(timeformat="double")"));
    QVERIFY(gexf.contains(R"(value="2" start="2" end="3")"));
}

void TestWildFiles::yedGroups()
{
    test::Stories stories;
    auto s = imported(stories, kYedGroups, QStringLiteral("yed.graphml"));
    QCOMPARE(s->counts().actors, 4); // the group is an actor too
    QCOMPARE(s->counts().relations, 2);
    const QList<Actor> actors = s->actors();
    const std::optional<Actor> minister = actorNamed(actors, QStringLiteral("Minister"));
    const std::optional<Actor> deputy = actorNamed(actors, QStringLiteral("Deputy"));
    QVERIFY(minister && deputy && actorNamed(actors, QStringLiteral("Ministry")) &&
            actorNamed(actors, QStringLiteral("Press")));
    QCOMPARE(minister->color.name(), QStringLiteral("#ffcc00"));
    QCOMPARE(attributeText(minister->attributes, QStringLiteral("parent")),
             attributeText(deputy->attributes, QStringLiteral("parent")));
    QVERIFY(!attributeText(minister->attributes, QStringLiteral("parent")).isEmpty());
    QCOMPARE(deputy->description, QStringLiteral("Deputy, since 2024"));
    for (const Relation& r : s->relations()) {
        if (r.type == QLatin1String("briefs"))
            QVERIFY(r.directed);
        else
            QVERIFY(!r.directed); // drawn without arrows
    }
}

void TestWildFiles::kumuSemicolons()
{
    test::Stories stories;
    auto s = imported(stories, kKumu, QStringLiteral("kumu-connections.csv"));
    QCOMPARE(s->counts().actors, 3);
    QCOMPARE(s->counts().relations, 2);
    for (const Relation& r : s->relations()) {
        if (r.type == QLatin1String("ally")) {
            QVERIFY(!r.directed); // mutual
            QCOMPARE(r.weight, 2.5);
            QCOMPARE(attributeText(r.attributes, QStringLiteral("Tags")),
                     QStringLiteral("press|politics"));
        } else {
            QCOMPARE(r.type, QStringLiteral("funds"));
            QVERIFY(r.directed);
            QCOMPARE(r.weight, 1.0);
        }
    }
    // The same sheet again adds nothing.
    const ImportSummary again = applyParsedImport(
        *s, parseImport(stories.write(QStringLiteral("kumu-connections.csv"), kKumu)));
    QCOMPARE(again.newActors + again.newRelations, 0);
}

void TestWildFiles::gephiNodeTableSemicolons()
{
    test::Stories stories;
    auto s = imported(stories, kGephiNodes, QStringLiteral("nodes.csv"));
    QCOMPARE(s->counts().actors, 2);
    const std::optional<Actor> alpha = actorNamed(s->actors(), QStringLiteral("Alpha"));
    QVERIFY(alpha);
    const Attribute* mc = findAttribute(alpha->attributes, QStringLiteral("Modularity Class"));
    QVERIFY(mc);
    QCOMPARE(mc->type, AttributeType::Integer);
    QCOMPARE(mc->value, QStringLiteral("1"));
    const Attribute* active = findAttribute(alpha->attributes, QStringLiteral("Active"));
    QVERIFY(active);
    QCOMPARE(active->type, AttributeType::Boolean);
    QCOMPARE(active->value, QStringLiteral("true"));
}

void TestWildFiles::gexf11ByTitleWithDates()
{
    test::Stories stories;
    auto s = imported(stories, kGexf11, QStringLiteral("gexf11.gexf"));
    QCOMPARE(s->counts().actors, 2);
    QCOMPARE(s->counts().relations, 1);
    const std::optional<Actor> mayor = actorNamed(s->actors(), QStringLiteral("Mayor"));
    const std::optional<Actor> council = actorNamed(s->actors(), QStringLiteral("Council"));
    QVERIFY(mayor && council);
    QCOMPARE(attributeText(mayor->attributes, QStringLiteral("Party")), QStringLiteral("Greens"));
    QCOMPARE(findAttribute(mayor->attributes, QStringLiteral("Seats"))->type,
             AttributeType::Integer);
    QCOMPARE(attributeText(council->attributes, QStringLiteral("Seats")), QStringLiteral("0"));
    QCOMPARE(mayor->color, QColor(0, 114, 178));
    // The node's start and end are the actor's validity; an open end stays open.
    QCOMPARE(actorValidity(*mayor), PartialDate::fromEdtf(QStringLiteral("2014-05-25/2020-06-28")));
    QCOMPARE(actorValidity(*council).edtf(), QStringLiteral("2014-05-25/.."));
    QCOMPARE(s->relations().first().valid,
             PartialDate::fromEdtf(QStringLiteral("2015-01-01/2016-12-31")));
    QVERIFY(!s->relations().first().directed);
}

void TestWildFiles::gephiLiteHexColours()
{
    test::Stories stories;
    auto s = imported(stories, kGephiLite, QStringLiteral("lite.gexf"));
    QCOMPARE(s->counts().actors, 2);
    QCOMPARE(s->counts().relations, 1);
    const std::optional<Actor> x = actorNamed(s->actors(), QStringLiteral("x")); // no label: its id
    const std::optional<Actor> y = actorNamed(s->actors(), QStringLiteral("Why"));
    QVERIFY(x && y);
    QCOMPARE(x->color, QColor(0xe6, 0x19, 0x4b));
    QCOMPARE(y->color, QColor(0x3c, 0xb4, 0x4b, 0xcc)); // #rrggbbaa, as CSS reads it
    QCOMPARE(findAttribute(x->attributes, QStringLiteral("community"))->type,
             AttributeType::Integer);
    QCOMPARE(filePosition(*x), std::optional(QPointF(1.5, 2.5)));
    QVERIFY(!x->pinnedX);
    // Exported, the hex colours and the layout are what Gephi reads back.
    const QByteArray gexf = exportBytes(*s, QStringLiteral("gexf"));
    QVERIFY2(gexf.contains(R"(r="230" g="25" b="75")") || gexf.contains("#e6194b"),
             gexf.constData());
    QVERIFY(gexf.contains(R"(x="1.5" y="2.5")"));
}

void TestWildFiles::yedDescGroupAndLayout()
{
    test::Stories stories;
    ImportSummary summary;
    auto s = imported(stories, kYedDesc, QStringLiteral("desc.graphml"), &summary);
    QCOMPARE(s->counts().actors, 3);
    QCOMPARE(s->counts().relations, 1);
    const QList<Actor> actors = s->actors();
    const std::optional<Actor> fund = actorNamed(actors, QStringLiteral("Fund A"));
    const std::optional<Actor> board = actorNamed(actors, QStringLiteral("Board"));
    const std::optional<Actor> chair = actorNamed(actors, QStringLiteral("Chair"));
    QStringList names;
    for (const Actor& a : actors)
        names << a.name;
    QVERIFY2(fund && board && chair, qPrintable(names.join(u',')));
    QCOMPARE(fund->description, QStringLiteral("Lobby group"));
    QCOMPARE(s->relations().first().description, QStringLiteral("since 2022"));
    QCOMPARE(s->meta(QStringLiteral("description")), QStringLiteral("Who funds whom, March"));
    QCOMPARE(attributeText(chair->attributes, QStringLiteral("Notes")), QStringLiteral("chair"));
    QVERIFY(!attributeText(chair->attributes, QStringLiteral("parent")).isEmpty());
    // yEd's layout (the centre of each shape) is where the map starts, with no pin.
    for (const Actor& a : actors)
        QVERIFY2(!a.pinnedX && !a.pinnedY, qPrintable(a.name));
    QCOMPARE(filePosition(*fund), std::optional(QPointF(130.0, 65.0)));
    QCOMPARE(filePosition(*chair), std::optional(QPointF(340.0, 225.0)));
    // Exported to GraphML and back, the layout stays the start, still no pin.
    auto t = stories.create();
    applyParsedImport(*t, parseImport(stories.write(QStringLiteral("back.graphml"),
                                                    exportBytes(*s, QStringLiteral("graphml")))));
    const std::optional<Actor> back = actorNamed(t->actors(), QStringLiteral("Fund A"));
    QVERIFY(back);
    QVERIFY(!back->pinnedX);
    QCOMPARE(filePosition(*back), std::optional(QPointF(130.0, 65.0)));
}

void TestWildFiles::kumuTypeIsTheRelation()
{
    test::Stories stories;
    auto s = imported(stories, kKumuTypes, QStringLiteral("connections.csv"));
    QCOMPARE(s->counts().actors, 3);
    QCOMPARE(s->counts().relations, 3);
    QStringList types;
    for (const Relation& r : s->relations())
        types << r.type;
    types.sort();
    // "Directed" says a direction, as in Gephi; the others are the kind of relation.
    QCOMPARE(types, (QStringList{QString(), QStringLiteral("advises"), QStringLiteral("funds")}));
}

void TestWildFiles::timelineJs2IsNamed()
{
    test::Stories stories;
    const QString path = stories.write(QStringLiteral("old.json"), kTimelineJs2);
    try {
        const ParsedImport p = parseImport(path);
        auto s = stories.create();
        applyParsedImport(*s, p);
        // Read: the one slide is there.
        QCOMPARE(s->counts().events, 1);
    } catch (const StoreError& e) {
        const QString why = QString::fromUtf8(e.what());
        QVERIFY2(why.contains(QLatin1String("TimelineJS 2")), qPrintable(why));
        QVERIFY2(why.contains(QLatin1String("old.json")), qPrintable(why));
    }
}

void TestWildFiles::spaceSeparatedEdges()
{
    test::Stories stories;
    auto s = imported(stories, kSpaces, QStringLiteral("edges.txt"));
    QCOMPARE(s->counts().actors, 3);
    QCOMPARE(s->counts().relations, 2);
    double total = 0;
    for (const Relation& r : s->relations())
        total += r.weight;
    QCOMPARE(total, 3.5);
}

void TestWildFiles::nodesAndEdgesPairRoundTrips()
{
    test::Stories stories;
    auto s = imported(stories, kPairNodes, QStringLiteral("nodes.csv"));
    applyParsedImport(*s, parseImport(stories.write(QStringLiteral("edges.csv"), kPairEdges)));
    QCOMPARE(s->counts().actors, 3); // the edges name the nodes by Id: no new actor
    QCOMPARE(s->counts().relations, 2);
    // The pair again adds and changes nothing.
    const ImportSummary again =
        applyParsedImport(*s, parseImport(stories.write(QStringLiteral("nodes.csv"), kPairNodes)));
    QCOMPARE(again.newActors + again.updated, 0);
    const ImportSummary againEdges =
        applyParsedImport(*s, parseImport(stories.write(QStringLiteral("edges.csv"), kPairEdges)));
    QCOMPARE(againEdges.newActors + againEdges.newRelations + againEdges.updated, 0);
    // Written as a pair and read into a new story: the same actors, relations and layout.
    auto t = stories.create();
    applyParsedImport(*t, parseImport(stories.write(QStringLiteral("out-nodes.csv"),
                                                    exportBytes(*s, QStringLiteral("nodes-csv")))));
    applyParsedImport(*t, parseImport(stories.write(QStringLiteral("out-edges.csv"),
                                                    exportBytes(*s, QStringLiteral("edges-csv")))));
    test::compareGraphs(*s, *t);
    const std::optional<Actor> paris = actorNamed(t->actors(), QStringLiteral("Paris"));
    QVERIFY(paris);
    QCOMPARE(findAttribute(paris->attributes, QStringLiteral("Modularity Class"))->type,
             AttributeType::Integer);
}

void TestWildFiles::nodesTableLayoutIsNoPin()
{
    test::Stories stories;
    auto s = imported(stories, kPairNodes, QStringLiteral("nodes.csv"));
    const std::optional<Actor> paris = actorNamed(s->actors(), QStringLiteral("Paris"));
    const std::optional<Actor> rome = actorNamed(s->actors(), QStringLiteral("Rome"));
    QVERIFY(paris && rome);
    QVERIFY(!paris->pinnedX && !paris->pinnedY);
    QCOMPARE(filePosition(*paris), std::optional(QPointF(10.0, -20.0)));
    QVERIFY(!filePosition(*rome));
    // Written back in x and y, not as extra columns.
    const QByteArray csv = exportBytes(*s, QStringLiteral("nodes-csv"));
    QVERIFY2(!csv.contains("viz:"), csv.constData());
    QVERIFY2(csv.contains(",10,-20,"), csv.constData());
}

// Kumu's elements sheet: a Type that names a kind of ours is the kind; any other is kept.
void TestWildFiles::kumuElementsTypeIsTheKind()
{
    test::Stories stories;
    auto s = imported(stories,
                      "Label,Type,Description,Tags\n"
                      "Alice,Person,Reporter,press|tv\n"
                      "ACME,Organization,A firm,\n"
                      "Desk,Newsroom,,\n",
                      QStringLiteral("elements.csv"));
    QCOMPARE(s->counts().actors, 3);
    const QList<Actor> actors = s->actors();
    const std::optional<Actor> alice = actorNamed(actors, QStringLiteral("Alice"));
    const std::optional<Actor> acme = actorNamed(actors, QStringLiteral("ACME"));
    const std::optional<Actor> desk = actorNamed(actors, QStringLiteral("Desk"));
    QVERIFY(alice && acme && desk);
    QVERIFY(alice->kindKnown);
    QCOMPARE(alice->kind, ActorKind::Person);
    QCOMPARE(acme->kind, ActorKind::Organization);
    QVERIFY(!findAttribute(alice->attributes, QStringLiteral("Type")));
    QCOMPARE(alice->description, QStringLiteral("Reporter"));
    QVERIFY(!desk->kindKnown); // nothing invented
    QCOMPARE(attributeText(desk->attributes, QStringLiteral("Type")), QStringLiteral("Newsroom"));
}

// GEXF 1.3's time lists on nodes and edges (intervals="<[..]; [..]>", timestamps="<[..]>"):
// the first is the validity or the time bounds, the others kept as "spells", none dropped.
void TestWildFiles::gexf13TimeLists()
{
    test::Stories stories;
    auto s = imported(stories, R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">
    <nodes>
      <node id="a" label="A" intervals="&lt;[2010-01-01, 2010-12-31]; [2012-01-01, 2012-06-30]&gt;"/>
      <node id="b" label="B" timestamps="&lt;[2011-05-05]&gt;"/>
    </nodes>
    <edges><edge source="a" target="b" intervals="&lt;[2012-01-01, 2012-03-31]&gt;"/></edges>
  </graph>
</gexf>)",
                      QStringLiteral("lists.gexf"));
    QCOMPARE(s->counts().actors, 2);
    const std::optional<Actor> a = actorNamed(s->actors(), QStringLiteral("A"));
    const std::optional<Actor> b = actorNamed(s->actors(), QStringLiteral("B"));
    QVERIFY(a && b);
    QCOMPARE(actorValidity(*a), PartialDate::fromEdtf(QStringLiteral("2010-01-01/2010-12-31")));
    QCOMPARE(attributeText(a->attributes, QStringLiteral("spells")),
             QStringLiteral("[2012-01-01, 2012-06-30]"));
    QCOMPARE(actorValidity(*b).edtf(), QStringLiteral("2011-05-05"));
    QCOMPARE(s->relations().first().valid,
             PartialDate::fromEdtf(QStringLiteral("2012-01-01/2012-03-31")));
    // A malformed list is refused, naming it.
    try {
        parseImport(stories.write(
            QStringLiteral("bad.gexf"),
            R"(<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph timeformat="date"><nodes>
<node id="a" intervals="&lt;[2010-01-01]&gt;"/></nodes></graph></gexf>)"));
        QFAIL("a list of one bound was read");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(QLatin1String("bad.gexf:2:")) &&
                     e.message().contains(QLatin1String("intervals")),
                 qPrintable(e.message()));
    }
}

// Gephi's node table with its Timeset column: the interval is the actor's validity, written
// back and read again as it was.
void TestWildFiles::gephiNodeTimeset()
{
    test::Stories stories;
    auto s = imported(stories,
                      "Id,Label,Timeset\n"
                      "a,Alpha,\"<[2010-01-01, 2012-06-30]>\"\n"
                      "b,Beta,\"<[2015-03-01, Infinity]>\"\n"
                      "c,Gamma,\n",
                      QStringLiteral("nodes.csv"));
    QCOMPARE(s->counts().actors, 3);
    const std::optional<Actor> alpha = actorNamed(s->actors(), QStringLiteral("Alpha"));
    const std::optional<Actor> beta = actorNamed(s->actors(), QStringLiteral("Beta"));
    const std::optional<Actor> gamma = actorNamed(s->actors(), QStringLiteral("Gamma"));
    QVERIFY(alpha && beta && gamma);
    QCOMPARE(actorValidity(*alpha), PartialDate::fromEdtf(QStringLiteral("2010-01-01/2012-06-30")));
    QCOMPARE(actorValidity(*beta).edtf(), QStringLiteral("2015-03-01/.."));
    QVERIFY(!actorValidity(*gamma).isValid());
    QVERIFY(!findAttribute(alpha->attributes, QStringLiteral("Timeset")));
    auto t = stories.create();
    applyParsedImport(*t, parseImport(stories.write(QStringLiteral("back.csv"),
                                                    exportBytes(*s, QStringLiteral("nodes-csv")))));
    const std::optional<Actor> back = actorNamed(t->actors(), QStringLiteral("Alpha"));
    QVERIFY(back);
    QCOMPARE(actorValidity(*back), actorValidity(*alpha));
}

QTEST_GUILESS_MAIN(TestWildFiles)
#include "tst_wildfiles.moc"
