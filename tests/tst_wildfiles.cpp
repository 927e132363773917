// Files of the kinds in ../shared/realworld but not from it, written here by hand as the tools
// write them: a Gephi 0.10 GEXF with hex colours, dynamic spells and timed values, a GEXF of
// abstract time steps, a yEd GraphML with a group, and Kumu and Gephi spreadsheets separated
// by ";". Each is imported whole with its counts and typed values, and what is timed stays
// timed through GEXF and Chronomap JSON.
#include "interchangetest.h"

#include "interchange/interchange.h"

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

const Actor* actorNamed(const QList<Actor>& actors, const QString& name)
{
    for (const Actor& a : actors)
        if (a.name == name)
            return &a;
    return nullptr;
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
    const Actor* a = actorNamed(s->actors(), QStringLiteral("A"));
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
    const Actor* minister = actorNamed(actors, QStringLiteral("Minister"));
    const Actor* deputy = actorNamed(actors, QStringLiteral("Deputy"));
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
    const Actor* alpha = actorNamed(s->actors(), QStringLiteral("Alpha"));
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

QTEST_GUILESS_MAIN(TestWildFiles)
#include "tst_wildfiles.moc"
