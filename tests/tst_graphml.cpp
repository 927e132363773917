#include "interchangetest.h"

#include "interchange/graphformats.h"
#include "interchange/importbatch.h"

#include <QTest>

using namespace chronomap;

// GraphML both ways: actors and relations with their attributes, colours, positions, dates and
// directions survive a round trip; broken files are refused with the story unchanged.
class TestGraphMl : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void writesWhatGephiReads();
    void mergesActorsByName();
    void undirectedStorySaysSo();
    void readsYed();
    void readsOtherTools_data();
    void readsOtherTools();
    void readsWhatOthersWrite();
    void readsRealWorldFiles_data();
    void readsRealWorldFiles();
    void realLayoutIsTheStart_data();
    void realLayoutIsTheStart();
    void inventsNothing();
    void malformed_data();
    void malformed();

private:
    test::Stories m_stories;
};

void TestGraphMl::roundTrip()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QByteArray xml = writeGraphMl(*s);
    auto t = m_stories.create();
    applyImport(*t, readGraphMl(xml, QStringLiteral("g.graphml")), QStringLiteral("g.graphml"));
    test::compareGraphs(*s, *t);
    if (QTest::currentTestFailed())
        return;
    // Stable: the second export is the first.
    QCOMPARE(writeGraphMl(*t), xml);
}

void TestGraphMl::writesWhatGephiReads()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QByteArray xml = writeGraphMl(*s);
    QVERIFY(xml.contains("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""));
    QVERIFY(
        xml.contains("<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"));
    QVERIFY(xml.contains(
        "<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"));
    QVERIFY(xml.contains("<key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>"));
    QVERIFY(xml.contains("directed=\"false\""));
    QVERIFY(xml.contains("<data key=\"e_start\">2025-10-01</data>"));
}

void TestGraphMl::mergesActorsByName()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QByteArray xml = writeGraphMl(*s);
    auto t = m_stories.create();
    Actor known;
    known.name = QStringLiteral("STEVE WITKOFF");
    const Id id = t->insertActor(known);
    const ImportBatch b = readGraphMl(xml, QStringLiteral("g.graphml"));
    const ImportSummary preview = previewImport(*t, b);
    QCOMPARE(preview.matchedActors, 1);
    QCOMPARE(preview.newActors, 2);
    const ImportSummary done = applyImport(*t, b, QStringLiteral("g.graphml"));
    QCOMPARE(done.matchedActors, 1);
    QCOMPARE(t->actors().size(), 3);
    // The story's actor keeps its name and gains the role it lacked.
    QCOMPARE(t->actor(id)->name, QStringLiteral("STEVE WITKOFF"));
    QCOMPARE(t->actor(id)->role, QStringLiteral("Special Envoy"));
    QCOMPARE(t->relations().at(0).sourceId, id);
}

// A diagram drawn in yEd: names, colours and places live in yEd's own elements, a group is a
// node holding a graph, and edges point into groups.
void TestGraphMl::readsYed()
{
    const QByteArray xml = R"(<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <!--Created by yEd 3.23.2-->
  <key attr.name="Description" attr.type="string" for="graph" id="d0"/>
  <key attr.name="description" attr.type="string" for="node" id="d5"/>
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="graphml" id="d7" yfiles.type="resources"/>
  <key attr.name="description" attr.type="string" for="edge" id="d9"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <data key="d0" xml:space="preserve"/>
    <node id="n0">
      <data key="d5" xml:space="preserve"><![CDATA[US special envoy]]></data>
      <data key="d6">
        <y:ShapeNode>
          <y:Geometry height="30.0" width="120.0" x="100.0" y="200.0"/>
          <y:Fill color="#FFCC00" transparent="false"/>
          <y:NodeLabel visible="true" xml:space="preserve">Steve Witkoff<y:LabelModel><y:SmartNodeLabelModel distance="4.0"/></y:LabelModel></y:NodeLabel>
        </y:ShapeNode>
      </data>
    </node>
    <node id="n1" yfiles.foldertype="group">
      <data key="d6">
        <y:ProxyAutoBoundsNode><y:Realizers active="0">
          <y:GroupNode><y:Geometry height="150.0" width="200.0" x="300.0" y="100.0"/>
            <y:Fill color="#F5F5F5" transparent="false"/><y:NodeLabel>Kremlin</y:NodeLabel></y:GroupNode>
          <y:GroupNode><y:NodeLabel>Kremlin (closed)</y:NodeLabel></y:GroupNode>
        </y:Realizers></y:ProxyAutoBoundsNode>
      </data>
      <graph edgedefault="directed" id="n1:">
        <node id="n1::n0">
          <data key="d6"><y:ShapeNode><y:NodeLabel>Kirill Dmitriev</y:NodeLabel></y:ShapeNode></data>
        </node>
      </graph>
    </node>
    <edge id="e0" source="n0" target="n1::n0">
      <data key="d9"><![CDATA[met in Miami]]></data>
      <data key="d10"><y:PolyLineEdge><y:Arrows source="none" target="standard"/>
        <y:EdgeLabel>negotiates with<y:LabelModel/></y:EdgeLabel></y:PolyLineEdge></data>
    </edge>
    <edge id="e1" source="n0" target="n1">
      <data key="d10"><y:PolyLineEdge><y:Arrows source="none" target="none"/></y:PolyLineEdge></data>
    </edge>
  </graph>
  <data key="d7"><y:Resources/></data>
</graphml>)";
    const ImportBatch b = readGraphMl(xml, QStringLiteral("yed.graphml"));
    QCOMPARE(b.actors.size(), 3);
    QCOMPARE(b.actors.at(0).name, QStringLiteral("Steve Witkoff"));
    QCOMPARE(b.actors.at(0).description, QStringLiteral("US special envoy"));
    QCOMPARE(b.actors.at(0).color, QColor(0xff, 0xcc, 0x00));
    // The centre of the shape, where the map starts: the file's layout, not a pin.
    QVERIFY(!b.actors.at(0).pinnedX && !b.actors.at(0).pinnedY);
    QCOMPARE(filePosition(b.actors.at(0)), std::optional(QPointF(160.0, 215.0)));
    QCOMPARE(b.actors.at(1).name, QStringLiteral("Kremlin"));
    QCOMPARE(b.actors.at(2).name, QStringLiteral("Kirill Dmitriev"));
    QCOMPARE(b.actors.at(2).description, QString()); // not the group's, not the edge's
    QCOMPARE(b.relations.size(), 2);
    QCOMPARE(b.relations.at(0).type, QStringLiteral("negotiates with"));
    QCOMPARE(b.relations.at(0).description, QStringLiteral("met in Miami"));
    QCOMPARE(b.relations.at(0).targetId, 3);
    QCOMPARE(b.relations.at(0).directed, true);
    QCOMPARE(b.relations.at(1).directed, false); // drawn without arrows
}

// NetworkX and igraph: nodes named by their ids or a "name" key, keys with defaults, edges
// written before the nodes they join (GraphML allows any order).
void TestGraphMl::readsOtherTools_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("actors"); // "name|role|description"
    QTest::addColumn<QString>("relation");   // "source>target weight directed description"
    const QByteArray keys =
        "<key id=\"d2\" for=\"node\" attr.name=\"role\" attr.type=\"string\"><default>unknown"
        "</default></key><key id=\"d3\" for=\"edge\" attr.name=\"weight\" "
        "attr.type=\"double\"/><key id=\"v_name\" for=\"node\" attr.name=\"name\" "
        "attr.type=\"string\"/><key id=\"e_mutual\" for=\"edge\" attr.name=\"mutual\" "
        "attr.type=\"boolean\"/>";
    QTest::newRow("networkx")
        << keys + "<graph edgedefault=\"undirected\"><node id=\"Steve Witkoff\"><data "
                  "key=\"d2\">envoy</data></node><node id=\"Kremlin\"/><edge "
                  "source=\"Steve Witkoff\" target=\"Kremlin\"><data "
                  "key=\"d3\">2.5</data></edge></graph>"
        << QStringList{QStringLiteral("Steve Witkoff|envoy|"), QStringLiteral("Kremlin|unknown|")}
        << QStringLiteral("Steve Witkoff>Kremlin 2.5 undirected ");
    QTest::newRow("igraph")
        << keys + "<graph id=\"G\" edgedefault=\"directed\"><node id=\"n0\"><data "
                  "key=\"v_name\">Steve Witkoff</data></node><node id=\"n1\"><data "
                  "key=\"v_name\">Kirill Dmitriev</data><data key=\"d2\">banker</data></node>"
                  "<edge source=\"n0\" target=\"n1\"><data key=\"e_mutual\">true</data></edge>"
                  "</graph>"
        << QStringList{QStringLiteral("Steve Witkoff|unknown|"),
                       QStringLiteral("Kirill Dmitriev|banker|")}
        << QStringLiteral("Steve Witkoff>Kirill Dmitriev 1 directed ");
    QTest::newRow("edge before its nodes")
        << keys + "<graph edgedefault=\"directed\"><edge source=\"a\" target=\"b\"/><node "
                  "id=\"a\"/><node id=\"b\"/></graph>"
        << QStringList{QStringLiteral("a|unknown|"), QStringLiteral("b|unknown|")}
        << QStringLiteral("a>b 1 directed ");
    // A <default> belongs to the <key> it is in, not to the last key declared.
    QTest::newRow("default outside a key")
        << keys + "<graph edgedefault=\"directed\"><default>x</default><node id=\"a\"/><node "
                  "id=\"b\"/><edge source=\"a\" target=\"b\"/></graph>"
        << QStringList{QStringLiteral("a|unknown|"), QStringLiteral("b|unknown|")}
        << QStringLiteral("a>b 1 directed ");
}

void TestGraphMl::readsOtherTools()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, actors);
    QFETCH(QString, relation);
    const ImportBatch b = readGraphMl("<?xml version='1.0' encoding='utf-8'?>\n<graphml "
                                      "xmlns=\"http://graphml.graphdrawing.org/xmlns\">" +
                                          body + "</graphml>\n",
                                      QStringLiteral("g.graphml"));
    QStringList got;
    for (const Actor& a : b.actors)
        got << a.name + u'|' + a.role + u'|' + a.description;
    QCOMPARE(got, actors);
    QCOMPARE(b.relations.size(), 1);
    const Relation& r = b.relations.at(0);
    QCOMPARE(QStringLiteral("%1>%2 %3 %4 %5")
                 .arg(b.actors.at(int(r.sourceId) - 1).name, b.actors.at(int(r.targetId) - 1).name)
                 .arg(r.weight)
                 .arg(r.directed ? QStringLiteral("directed") : QStringLiteral("undirected"),
                      r.description),
             relation);
}

// yFiles for HTML (yEd Live) labels, fills and geometry; <desc>; graph-level data as story
// properties; hyperedges said in the summary; a "color" that is no colour kept as text; typed
// keys kept typed; a yEd group's members remember their group.
void TestGraphMl::readsWhatOthersWrite()
{
    const QByteArray xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/yfiles-common/3.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/3.0" xmlns:yjs="http://www.yworks.com/xml/yfiles-for-html/2.0/xaml">
  <key id="d1" for="node" attr.name="NodeLabels" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeLabels"/>
  <key id="d2" for="node" attr.name="NodeGeometry" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeGeometry"/>
  <key id="d3" for="node" attr.name="NodeStyle" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeStyle"/>
  <key id="c" for="node" attr.name="color" attr.type="string"/>
  <key id="deg" for="node" attr.name="degree" attr.type="int"/>
  <key id="n" for="graph" attr.name="name" attr.type="string"/>
  <graph id="G" edgedefault="undirected">
    <data key="n">Who talks to whom</data>
    <node id="n0"><data key="d1"><x:List><y:Label><y:Label.Text>Newsroom</y:Label.Text></y:Label></x:List></data>
      <data key="d2"><y:RectD X="10" Y="20" Width="30" Height="40"/></data>
      <data key="d3"><yjs:ShapeNodeStyle fill="#FF336699"/></data>
      <data key="c">the colour of money</data><data key="deg">3</data><desc>the desk</desc>
      <graph id="G:n0" edgedefault="undirected"><node id="n0::n1"/></graph></node>
    <node id="n2"/>
    <hyperedge><endpoint node="n0"/><endpoint node="n2"/><endpoint node="n0::n1"/></hyperedge>
    <edge source="n0" target="n2"/>
  </graph>
</graphml>)";
    const ImportBatch b = readGraphMl(xml, QStringLiteral("y.graphml"));
    QCOMPARE(b.actors.size(), 3);
    const Actor& a = b.actors.at(0);
    QCOMPARE(a.name, QStringLiteral("Newsroom"));
    QCOMPARE(a.description, QStringLiteral("the desk"));
    QCOMPARE(a.color, QColor(0x33, 0x66, 0x99));
    QVERIFY(!a.pinnedX && !a.pinnedY);
    QCOMPARE(filePosition(a), std::optional(QPointF(25.0, 40.0)));
    QCOMPARE(attributeText(a.attributes, QStringLiteral("color")),
             QStringLiteral("the colour of money"));
    QCOMPARE(findAttribute(a.attributes, QStringLiteral("degree"))->type, AttributeType::Integer);
    QCOMPARE(attributeText(b.actors.at(1).attributes, QStringLiteral("parent")),
             QStringLiteral("n0"));
    QCOMPARE(b.title, QStringLiteral("Who talks to whom"));
    QCOMPARE(b.relations.size(), 1);
    QCOMPARE(b.warnings.size(), 1);
    QVERIFY(b.warnings.first().contains(QStringLiteral("hyperedge")));
    auto s = m_stories.create();
    const ImportSummary summary = applyImport(*s, b, QStringLiteral("y.graphml"));
    QVERIFY(summary.text().contains(QStringLiteral("hyperedge")));
    QCOMPARE(s->meta(QStringLiteral("graphml.name")), QStringLiteral("Who talks to whom"));
}

void TestGraphMl::readsRealWorldFiles_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = test::realWorldFiles(QStringLiteral("graphml"));
    if (files.isEmpty())
        QSKIP("../shared/realworld is absent");
    for (const QString& f : files)
        QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
}

// Every GraphML file other programs wrote reads whole (one actor per node id, one relation per
// edge), or is refused naming what it cannot be (a node id used twice across nested graphs).
void TestGraphMl::readsRealWorldFiles()
{
    QFETCH(QString, path);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    ImportBatch b;
    try {
        b = readGraphMl(bytes, path);
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(QStringLiteral("used twice")), qPrintable(e.message()));
        return;
    }
    const auto [nodes, edges] = test::countGraph(path);
    QCOMPARE(b.actors.size(), nodes);
    QCOMPARE(b.relations.size(), edges);
    for (const Actor& a : b.actors)
        QVERIFY(!a.name.isEmpty());
    if (bytes.contains("yFiles")) // yFiles labels are read, not ids shown as names
        QVERIFY(std::any_of(b.actors.cbegin(), b.actors.cend(),
                            [](const Actor& a) { return !a.name.startsWith(u'n'); }));
    auto s = m_stories.create();
    applyImport(*s, b, path);
    QCOMPARE(s->counts().actors, nodes);
    if (s->schemaVersion() < 2)
        return;
    applyImport(*s, b, path);
    QCOMPARE(s->counts().actors, nodes);
    QCOMPARE(s->counts().relations, edges);
}

void TestGraphMl::realLayoutIsTheStart_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QPointF>("first"); // the centre of the first node's shape
    if (test::realWorldFiles(QStringLiteral("graphml")).isEmpty())
        QSKIP("../shared/realworld is absent");
    const QString dir = QStringLiteral(CHRONOMAP_REALWORLD "/graphml/");
    QTest::newRow("yEd desktop") << dir + QStringLiteral("yed-desktop-simplified.graphml")
                                 << QPointF();
    QTest::newRow("yFiles for HTML")
        << dir + QStringLiteral("yfiles-html-2.6.graphml") << QPointF(469 + 30, 246 + 30);
}

// yEd's and yFiles' layouts, in files they wrote, are where the map starts: every actor has
// the file's place and none is pinned; the GraphML we write carries the place back.
void TestGraphMl::realLayoutIsTheStart()
{
    QFETCH(QString, path);
    QFETCH(QPointF, first);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const ImportBatch b = readGraphMl(f.readAll(), path);
    QVERIFY(!b.actors.isEmpty());
    for (const Actor& a : b.actors) {
        QVERIFY2(!a.pinnedX && !a.pinnedY, qPrintable(a.name));
        QVERIFY2(filePosition(a), qPrintable(a.name));
    }
    if (!first.isNull())
        QCOMPARE(*filePosition(b.actors.first()), first);
    auto s = m_stories.create();
    applyImport(*s, b, path);
    const ImportBatch back = readGraphMl(writeGraphMl(*s), QStringLiteral("back.graphml"));
    QCOMPARE(back.actors.size(), b.actors.size());
    for (qsizetype i = 0; i < b.actors.size(); ++i)
        QCOMPARE(filePosition(back.actors.at(i)), filePosition(b.actors.at(i)));
}

// An export adds nothing to the actors: read back, an actor without a size, a place or any
// attribute has none (a size by degree used to come back as each actor's own).
void TestGraphMl::inventsNothing()
{
    auto s = m_stories.create();
    test::fillPair(*s);
    for (const QByteArray& bytes : {writeGraphMl(*s), writeGexf(*s)}) {
        const ImportBatch back = bytes.contains("<gexf")
                                     ? readGexf(bytes, QStringLiteral("back.gexf"))
                                     : readGraphMl(bytes, QStringLiteral("back.graphml"));
        QCOMPARE(back.actors.size(), 2);
        for (const Actor& x : back.actors) {
            QStringList names;
            for (const Attribute& at : x.attributes)
                names << at.name;
            QVERIFY2(names.isEmpty(), qPrintable(names.join(u',')));
        }
    }
}

// NetworkX reads no mixed graph and takes the graph's default for every edge: a story without
// directed relations must say "undirected" at the top.
void TestGraphMl::undirectedStorySaysSo()
{
    auto s = m_stories.create();
    Relation r = test::fillPair(*s, false);
    const QByteArray xml = writeGraphMl(*s);
    QVERIFY2(xml.contains("edgedefault=\"undirected\""), xml.constData());
    const ImportBatch batch = readGraphMl(xml, QStringLiteral("u.graphml"));
    QCOMPARE(batch.relations.size(), 1);
    QCOMPARE(batch.relations.at(0).directed, false);
    r.directed = true;
    s->insertRelation(r);
    QVERIFY(!writeGraphMl(*s).contains("edgedefault=\"undirected\""));
}

void TestGraphMl::malformed_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("message");
    const QByteArray head =
        "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<key "
        "id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph "
        "edgedefault=\"directed\">\n<node id=\"a\"/>\n";
    QTest::newRow("unknown node") << head + "<edge source=\"a\" target=\"zz\"/>\n</graph></graphml>"
                                  << QStringLiteral("bad.graphml:6:");
    QTest::newRow("unknown node message")
        << head + "<edge id=\"e1\" source=\"zz\" target=\"a\"/>\n</graph></graphml>"
        << QStringLiteral("edge \"e1\": expected the source to be the id of a "
                          "node in the file, found \"zz\"");
    QTest::newRow("truncated") << head + "<edge source=\"a\" target=\"a\"><data key=\"w\">2"
                               << QStringLiteral("expected well-formed XML");
    QTest::newRow("typed key") << head + "<edge source=\"a\" target=\"a\"><data "
                                         "key=\"w\">heavy</data></edge></graph></graphml>"
                               << QStringLiteral(
                                      "expected a number for \"weight\", found \"heavy\"");
    QTest::newRow("undeclared key")
        << head + "<edge source=\"a\" target=\"a\"><data "
                  "key=\"nope\">1</data></edge></graph></graphml>"
        << QStringLiteral("expected the key of a <data> to be declared by a <key>, found \"nope\"");
    QTest::newRow("bad date") << head + "<edge source=\"a\" target=\"a\"><data "
                                        "key=\"start\">x</data></edge></graph></graphml>"
                              << QStringLiteral("expected the key of a <data>");
    QTest::newRow("duplicate node") << head + "<node id=\"a\"/></graph></graphml>"
                                    << QStringLiteral("the node id \"a\" is used twice");
    QTest::newRow("wrong encoding")
        << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?><graphml><graph><node "
                      "id=\"caf\xE9\"/></graph></graphml>")
        << QStringLiteral("expected well-formed XML");
    QTest::newRow("billion laughs")
        << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
                      " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                      " <!ENTITY lol3 "
                      "\"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>\n"
                      "<graphml><x>&lol3;</x></graphml>\n")
        << QStringLiteral("declares XML entities in a DTD");
    QTest::newRow("not xml") << QByteArray("source,target\na,b\n")
                             << QStringLiteral("bad.graphml:1:");
    QTest::newRow("other xml") << QByteArray("<?xml version=\"1.0\"?><svg/>")
                               << QStringLiteral("expected a <graphml> document");
    QTest::newRow("deep") << QByteArray("<graphml>") + QByteArray("<a>").repeated(200)
                          << QStringLiteral("nested deeper than 64 levels");
}

void TestGraphMl::malformed()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, message);
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QByteArray before = writeStoryJson(*s);
    try {
        applyImport(*s, readGraphMl(xml, QStringLiteral("bad.graphml")),
                    QStringLiteral("bad.graphml"));
        QFAIL("the file was accepted");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
        QVERIFY2(e.message().startsWith(QStringLiteral("bad.graphml:")), qPrintable(e.message()));
    }
    QCOMPARE(writeStoryJson(*s), before);
}

QTEST_GUILESS_MAIN(TestGraphMl)
#include "tst_graphml.moc"
