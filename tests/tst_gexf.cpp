#include "interchangetest.h"

#include "interchange/graphformats.h"
#include "interchange/importbatch.h"
#include "query/eventfilter.h"

#include <QTest>

using namespace chronomap;

// GEXF 1.3 both ways: actors and relations with their attributes, colours, positions, dates and
// directions survive a round trip; broken files are refused with the story unchanged.
class TestGexf : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void writesWhatGephiReads();
    void mergesActorsByName();
    void undirectedStorySaysSo();
    void readsGephiOutput();
    void spells_data();
    void spells();
    void typedAttributesAndViz();
    void readsRealWorldFiles_data();
    void readsRealWorldFiles();
    void malformed_data();
    void malformed();
    void validityAsSpells();
    void dateAttributesAreStringsToOthers();
    void foreignValidIsCustom();
    void olderChronomapValidity();

private:
    test::Stories m_stories;
};

void TestGexf::roundTrip()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QByteArray xml = writeGexf(*s);
    auto t = m_stories.create();
    applyImport(*t, readGexf(xml, QStringLiteral("g.gexf")), QStringLiteral("g.gexf"));
    test::compareGraphs(*s, *t);
    if (QTest::currentTestFailed())
        return;
    // Stable: the second export is the first.
    QCOMPARE(writeGexf(*t), xml);
}

void TestGexf::writesWhatGephiReads()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QByteArray xml = writeGexf(*s);
    QVERIFY(xml.contains("xmlns=\"http://gexf.net/1.3\""));
    QVERIFY(xml.contains("xmlns:viz=\"http://gexf.net/1.3/viz\""));
    QVERIFY(xml.contains("version=\"1.3\""));
    QVERIFY(xml.contains("mode=\"dynamic\" timeformat=\"date\""));
    QVERIFY(xml.contains("<attributes class=\"node\""));
    QVERIFY(xml.contains("<attribute id=\"kind\" title=\"kind\" type=\"string\"/>"));
    QVERIFY(xml.contains("<viz:color r=\"204\" g=\"121\" b=\"167\"/>"));
    QVERIFY(xml.contains("<viz:position x=\"1.5\" y=\"-2.25\" z=\"0\"/>"));
    // No size is invented (one by degree would come back as the actors' own).
    QVERIFY(!xml.contains("<viz:size"));
    // A mixed graph: directed, its undirected relations "mutual" (Gephi: undirected; NetworkX:
    // both ways), since an "undirected" edge in a directed graph makes NetworkX refuse it.
    QVERIFY(xml.contains("defaultedgetype=\"directed\""));
    QVERIFY(xml.contains("type=\"mutual\""));
    QVERIFY(!xml.contains("type=\"undirected\""));
    QVERIFY(xml.contains("<spell start=\"2025-10-01\" end=\"2025-10-31\"/>"));
    QVERIFY(xml.contains("<spell start=\"2025-08-15\"/>")); // open end
}

void TestGexf::mergesActorsByName()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QByteArray xml = writeGexf(*s);
    auto t = m_stories.create();
    Actor known;
    known.name = QStringLiteral("STEVE WITKOFF");
    const Id id = t->insertActor(known);
    const ImportBatch b = readGexf(xml, QStringLiteral("g.gexf"));
    const ImportSummary preview = previewImport(*t, b);
    QCOMPARE(preview.matchedActors, 1);
    QCOMPARE(preview.newActors, 2);
    const ImportSummary done = applyImport(*t, b, QStringLiteral("g.gexf"));
    QCOMPARE(done.matchedActors, 1);
    QCOMPARE(t->actors().size(), 3);
    // The story's actor keeps its name and gains the role it lacked.
    QCOMPARE(t->actor(id)->name, QStringLiteral("STEVE WITKOFF"));
    QCOMPARE(t->actor(id)->role, QStringLiteral("Special Envoy"));
    QCOMPARE(t->relations().at(0).sourceId, id);
}

// A file as Gephi 0.10 writes it: attributes declared with titles and a default, viz: colour
// with alpha, size and position, mixed edge types, a hierarchy.
void TestGexf::readsGephiOutput()
{
    const QByteArray xml = R"(<?xml version='1.0' encoding='UTF-8'?>
<gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz">
  <meta lastmodifieddate="2025-11-21"><creator>Gephi 0.10.1</creator></meta>
  <graph mode="static">
    <attributes class="node" mode="static">
      <attribute id="role" title="Role" type="string"/>
      <attribute id="country" title="Country" type="string"><default>unknown</default></attribute>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="0" title="type" type="string"/>
    </attributes>
    <nodes>
      <node id="0" label="Steve Witkoff">
        <attvalues><attvalue for="role" value="US special envoy"/><attvalue for="country" value="USA"/></attvalues>
        <viz:size value="28.4"/>
        <viz:position x="-120.5" y="33.25" z="0.0"/>
        <viz:color r="230" g="159" b="0" a="0.6"/>
      </node>
      <node id="1" label="Kremlin">
        <nodes><node id="2" label="Kirill Dmitriev"/></nodes>
      </node>
    </nodes>
    <edges>
      <edge id="0" source="0" target="2" label="talks" weight="3.0"/>
      <edge id="1" source="2" target="1" type="directed"><attvalues><attvalue for="0" value="works for"/></attvalues></edge>
      <edge id="2" source="0" target="1" type="mutual"/>
    </edges>
  </graph>
</gexf>)";
    const ImportBatch b = readGexf(xml, QStringLiteral("gephi.gexf"));
    QCOMPARE(b.actors.size(), 3);
    const Actor& witkoff = b.actors.at(0);
    QCOMPARE(witkoff.name, QStringLiteral("Steve Witkoff"));
    QCOMPARE(witkoff.role, QStringLiteral("US special envoy"));
    // Attributes without a field are kept typed, not folded into the description.
    QCOMPARE(witkoff.description, QString());
    QCOMPARE(attributeText(witkoff.attributes, QStringLiteral("Country")), QStringLiteral("USA"));
    QCOMPARE(attributeText(witkoff.attributes, QStringLiteral("viz:size")), QStringLiteral("28.4"));
    QVERIFY(!witkoff.kindKnown); // the file gives no kind: none is invented
    QCOMPARE(witkoff.color, QColor(230, 159, 0, 153));
    // viz:position is where the file placed the node, the map's start: not a user's pin.
    QVERIFY(!witkoff.pinnedX && !witkoff.pinnedY);
    QCOMPARE(filePosition(witkoff), std::optional(QPointF(-120.5, 33.25)));
    // The node inside Kremlin is an actor too, grouped under it, with the declared default.
    QCOMPARE(b.actors.at(1).name, QStringLiteral("Kremlin"));
    QCOMPARE(b.actors.at(2).name, QStringLiteral("Kirill Dmitriev"));
    QCOMPARE(attributeText(b.actors.at(2).attributes, QStringLiteral("Country")),
             QStringLiteral("unknown"));
    QCOMPARE(attributeText(b.actors.at(2).attributes, QStringLiteral("parent")),
             QStringLiteral("1"));
    QCOMPARE(b.actorKeys,
             QStringList({QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")}));
    QCOMPARE(b.relations.size(), 3);
    // No defaultedgetype: GEXF says undirected.
    QCOMPARE(b.relations.at(0).directed, false);
    QCOMPARE(b.relations.at(0).type, QStringLiteral("talks"));
    QCOMPARE(b.relations.at(0).weight, 3.0);
    QCOMPARE(b.relations.at(1).directed, true);
    QCOMPARE(b.relations.at(1).type, QStringLiteral("works for"));
    QCOMPARE(b.actors.at(int(b.relations.at(1).targetId) - 1).name, QStringLiteral("Kremlin"));
    QCOMPARE(b.relations.at(2).directed, false); // mutual: both ways
}

// Spells as the tools write them: dates and date-times are the relation's time; the numbers of a
// graph in timeformat "integer" or "double" (GEXF's default) are abstract steps, never years:
// they are kept as the "spells" attribute, in Gephi's interval syntax.
void TestGexf::spells_data()
{
    QTest::addColumn<QString>("timeformat");
    QTest::addColumn<QString>("spell");
    QTest::addColumn<QString>("edtf");
    QTest::addColumn<QString>("steps");
    QTest::newRow("dates") << QStringLiteral("date")
                           << QStringLiteral("start=\"2025-10-24\" end=\"2025-11-30\"")
                           << QStringLiteral("2025-10-24/2025-11-30")
                           << QStringLiteral("[2030, Infinity]");
    QTest::newRow("open end") << QStringLiteral("date") << QStringLiteral("start=\"2025-10-24\"")
                              << QStringLiteral("2025-10-24/..")
                              << QStringLiteral("[2030, Infinity]");
    QTest::newRow("date-times") << QStringLiteral("dateTime")
                                << QStringLiteral("start=\"2025-10-24T09:00:00+03:00\"")
                                << QStringLiteral("2025-10-24T09:00:00/..")
                                << QStringLiteral("[2030, Infinity]");
    QTest::newRow("doubles are steps")
        << QStringLiteral("double") << QStringLiteral("start=\"1990.0\" end=\"2000.0\"")
        << QString() << QStringLiteral("[1990.0, 2000.0]; [2030, Infinity]");
    QTest::newRow("no timeformat, integers are steps")
        << QString() << QStringLiteral("start=\"0\" end=\"3\"") << QString()
        << QStringLiteral("[0, 3]; [2030, Infinity]");
    QTest::newRow("fractions") << QStringLiteral("double")
                               << QStringLiteral("start=\"0.5\" end=\"2.5\"") << QString()
                               << QStringLiteral("[0.5, 2.5]; [2030, Infinity]");
}

void TestGexf::spells()
{
    QFETCH(QString, timeformat);
    QFETCH(QString, spell);
    QFETCH(QString, edtf);
    QFETCH(QString, steps);
    const QString xml =
        QStringLiteral("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph "
                       "defaultedgetype=\"directed\" mode=\"dynamic\"%1><nodes><node id=\"a\"/>"
                       "<node id=\"b\"/></nodes><edges><edge id=\"e\" source=\"a\" target=\"b\">"
                       "<spells><spell %2/><spell start=\"2030\"/></spells></edge></edges></graph>"
                       "</gexf>")
            .arg(timeformat.isEmpty() ? QString()
                                      : QStringLiteral(" timeformat=\"%1\"").arg(timeformat),
                 spell);
    const ImportBatch b = readGexf(xml.toUtf8(), QStringLiteral("s.gexf"));
    QCOMPARE(b.relations.size(), 1);
    QCOMPARE(b.relations.at(0).directed, true);
    QCOMPARE(b.relations.at(0).valid.edtf(), edtf);
    QCOMPARE(attributeText(b.relations.at(0).attributes, QStringLiteral("spells")), steps);
    // Steps are said in the summary: not drawn on the timeline.
    QCOMPARE(!b.warnings.isEmpty(), edtf.isEmpty());
}

// Gephi's files as they are: typed attributes come back typed (Modularity Class an integer),
// GEXF 1.3's viz:color hex, edge colour, thickness and shape, node sizes; namesakes stay apart.
void TestGexf::typedAttributesAndViz()
{
    const QByteArray xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
    <attributes class="node">
      <attribute id="mc" title="Modularity Class" type="integer"/>
      <attribute id="tags" title="tags" type="liststring"/>
      <attribute id="ok" title="ok" type="boolean"><default>true</default></attribute>
    </attributes>
    <nodes>
      <node id="a" label="International" start="2020-01-01" end="2020-12-31">
        <attvalues><attvalue for="mc" value="2"/><attvalue for="tags" value="[x, 'y']"/></attvalues>
        <viz:color hex="#ff00ff"/><viz:size value="3.5"/>
      </node>
      <node id="b" label="International"><viz:color r="1" g="2" b="3" a="0.5"/></node>
    </nodes>
    <edges>
      <edge id="e" source="a" target="b"><viz:color r="179" g="0" b="0" a="0.5"/><viz:thickness value="2"/><viz:shape value="dotted"/></edge>
    </edges>
  </graph>
</gexf>)";
    const ImportBatch b = readGexf(xml, QStringLiteral("t.gexf"));
    QCOMPARE(b.actors.size(), 2);
    const Actor& a = b.actors.at(0);
    QCOMPARE(a.color, QColor(255, 0, 255));
    QCOMPARE(b.actors.at(1).color, QColor(1, 2, 3, 128));
    const Attribute* mc = findAttribute(a.attributes, QStringLiteral("Modularity Class"));
    QVERIFY(mc);
    QCOMPARE(mc->type, AttributeType::Integer);
    QCOMPARE(mc->value, QStringLiteral("2"));
    QCOMPARE(findAttribute(a.attributes, QStringLiteral("tags"))->type, AttributeType::List);
    QCOMPARE(findAttribute(a.attributes, QStringLiteral("tags"))->value, QStringLiteral("x|y"));
    QCOMPARE(findAttribute(a.attributes, QStringLiteral("ok"))->value, QStringLiteral("true"));
    QCOMPARE(attributeText(a.attributes, QStringLiteral("valid")),
             QStringLiteral("2020-01-01/2020-12-31"));
    const Relation& r = b.relations.at(0);
    QCOMPARE(attributeText(r.attributes, QStringLiteral("viz:thickness")), QStringLiteral("2"));
    QCOMPARE(attributeText(r.attributes, QStringLiteral("viz:shape")), QStringLiteral("dotted"));

    auto s = m_stories.create();
    applyImport(*s, b, QStringLiteral("t.gexf"));
    QCOMPARE(s->counts().actors, 2); // two nodes named alike stay two actors
    if (s->schemaVersion() < 2)
        return; // the story keeps attributes from format 2 on
    const QByteArray out = writeGexf(*s);
    QVERIFY(out.contains("title=\"Modularity Class\" type=\"integer\""));
    QVERIFY(out.contains("<viz:size value=\"3.5\"/>"));
    QVERIFY(out.contains("<viz:thickness value=\"2\"/>"));
    QVERIFY(out.contains("<viz:shape value=\"dotted\"/>"));
    QVERIFY(!out.contains("value=\"person\"")); // no kind was given: none is written
    auto t = m_stories.create();
    applyImport(*t, readGexf(out, QStringLiteral("out.gexf")), QStringLiteral("out.gexf"));
    // The same attributes with the same types (the order of the file's columns may differ).
    auto sorted = [](Attributes list) {
        std::sort(list.begin(), list.end(),
                  [](const Attribute& x, const Attribute& y) { return x.name < y.name; });
        return list;
    };
    QVERIFY(sorted(t->actors().at(0).attributes) == sorted(s->actors().at(0).attributes));
    QCOMPARE(t->actors().at(0).color, QColor(255, 0, 255));
}

// Every GEXF file other programs wrote (../shared/realworld/gexf) reads whole: one actor per
// node id, one relation per edge; refused only with a message about its time format.
void TestGexf::readsRealWorldFiles_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = test::realWorldFiles(QStringLiteral("gexf"));
    if (files.isEmpty())
        QSKIP("../shared/realworld is absent");
    for (const QString& f : files)
        QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
}

void TestGexf::readsRealWorldFiles()
{
    QFETCH(QString, path);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const ImportBatch b = readGexf(f.readAll(), path);
    const auto [nodes, edges] = test::countGraph(path);
    QCOMPARE(b.actors.size(), nodes);
    QCOMPARE(b.relations.size(), edges);
    for (const Relation& r : b.relations)
        if (r.valid.isValid())
            QVERIFY2(r.valid.earliest() > PartialDate::fromEdtf(QStringLiteral("1000")).earliest(),
                     qPrintable(r.valid.edtf())); // time steps are never years 0000-0009
    auto s = m_stories.create();
    applyImport(*s, b, path);
    QCOMPARE(s->counts().actors, nodes);
    QCOMPARE(s->counts().relations, edges);
    if (s->schemaVersion() < 2)
        return;
    // A second import of the same file adds nothing.
    const ImportSummary again = applyImport(*s, b, path);
    QCOMPARE(again.newActors + again.newRelations, 0);
    QCOMPARE(s->counts().actors, nodes);
    QCOMPARE(s->counts().relations, edges);
}

// NetworkX reads no mixed graph and takes the graph's default for every edge: a story without
// directed relations must say "undirected" at the top.
void TestGexf::undirectedStorySaysSo()
{
    auto s = m_stories.create();
    Relation r = test::fillPair(*s, false);
    const QByteArray xml = writeGexf(*s);
    QVERIFY2(xml.contains("defaultedgetype=\"undirected\""), xml.constData());
    const ImportBatch batch = readGexf(xml, QStringLiteral("u.gexf"));
    QCOMPARE(batch.relations.size(), 1);
    QCOMPARE(batch.relations.at(0).directed, false);
    r.directed = true;
    s->insertRelation(r);
    QVERIFY(!writeGexf(*s).contains("defaultedgetype=\"undirected\""));
}

void TestGexf::malformed_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("message");
    const QByteArray head =
        "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" "
        "version=\"1.3\">\n<graph>\n<nodes>\n<node id=\"a\" label=\"A\"/>\n</nodes>\n<edges>\n";
    QTest::newRow("unknown node")
        << head + "<edge id=\"e1\" source=\"a\" target=\"zz\"/>\n</edges></graph></gexf>"
        << QStringLiteral("bad.gexf:8:");
    QTest::newRow("unknown node message")
        << head + "<edge id=\"e1\" source=\"a\" target=\"zz\"/>\n</edges></graph></gexf>"
        << QStringLiteral("edge \"e1\": expected the target to be the id of a node declared "
                          "before, found \"zz\"");
    QTest::newRow("truncated") << head + "<edge id=\"e1\" source=\"a\" target=\"a\""
                               << QStringLiteral("expected well-formed XML");
    QTest::newRow("bad spell")
        << head + "<edge id=\"e1\" source=\"a\" target=\"a\"><spells><spell "
                  "start=\"2025-13-01\"/></spells></edge></edges></graph></gexf>"
        << QStringLiteral("expected ISO dates in the spell");
    QTest::newRow("bad weight")
        << head +
               "<edge id=\"e1\" source=\"a\" target=\"a\" weight=\"heavy\"/></edges></graph></gexf>"
        << QStringLiteral("expected a number for weight");
    QTest::newRow("duplicate node")
        << QByteArray("<gexf><graph><nodes><node id=\"a\"/><node id=\"a\"/></nodes></graph></gexf>")
        << QStringLiteral("the node id \"a\" is used twice");
    QTest::newRow("bad colour")
        << QByteArray("<gexf xmlns:viz=\"v\"><graph><nodes><node id=\"a\"><viz:color r=\"300\" "
                      "g=\"0\" b=\"0\"/></node></nodes></graph></gexf>")
        << QStringLiteral("expected viz:color r, g and b from 0 to 255");
    QTest::newRow("wrong encoding")
        << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?><gexf><graph><nodes><node "
                      "id=\"a\" label=\"caf\xE9\"/></nodes></graph></gexf>")
        << QStringLiteral("expected well-formed XML");
    QTest::newRow("billion laughs")
        << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
                      " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                      " <!ENTITY lol3 "
                      "\"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>\n"
                      "<gexf><x>&lol3;</x></gexf>\n")
        << QStringLiteral("declares XML entities in a DTD");
    QTest::newRow("not xml") << QByteArray("source,target\na,b\n") << QStringLiteral("bad.gexf:1:");
    QTest::newRow("other xml") << QByteArray("<?xml version=\"1.0\"?><svg/>")
                               << QStringLiteral("expected a <gexf> document");
    QTest::newRow("deep") << QByteArray("<gexf>") + QByteArray("<a>").repeated(200)
                          << QStringLiteral("nested deeper than 64 levels");
}

void TestGexf::malformed()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, message);
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QByteArray before = writeStoryJson(*s);
    try {
        applyImport(*s, readGexf(xml, QStringLiteral("bad.gexf")), QStringLiteral("bad.gexf"));
        QFAIL("the file was accepted");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
        QVERIFY2(e.message().startsWith(QStringLiteral("bad.gexf:")), qPrintable(e.message()));
    }
    QCOMPARE(writeStoryJson(*s), before);
}

// An actor's validity and a relation's bounds are GEXF spells (what Gephi's timeline and
// NetworkX read), with the exact EDTF beside them as text; timed values are dynamic attvalues.
// No attribute is declared with a type NetworkX refuses ("date").
void TestGexf::validityAsSpells()
{
    auto s = m_stories.create();
    test::fillTimedStory(*s);
    const QByteArray xml = writeGexf(*s);
    QVERIFY(xml.contains("mode=\"dynamic\" timeformat=\"date\""));
    QVERIFY(xml.contains("<spell start=\"2018-03-01\" end=\"2022-06-30\"/>"));
    QVERIFY(xml.contains("<spell start=\"2020-01-15\"/>"));
    QVERIFY(xml.contains("<spell start=\"2020-02-01\" end=\"2021-01-31\"/>"));
    QVERIFY(xml.contains("<attvalue for=\"chronomap-valid\" value=\"2018-03/2022-06\"/>"));
    QVERIFY(xml.contains("<attribute id=\"chronomap-valid\" title=\"valid\" type=\"string\" "
                         "chronomap:field=\"valid\"/>"));
    QVERIFY(xml.contains(
        "<attvalue for=\"Seats\" value=\"12\" start=\"2019-01-01\" end=\"2019-12-31\"/>"));
    QVERIFY(xml.contains("<attvalue for=\"Seats\" value=\"15\" start=\"2020-01-01\"/>"));
    QVERIFY(!xml.contains("type=\"date\""));
    // Read back: the validity to the month, the open end, the timed values with their bounds.
    const ImportBatch b = readGexf(xml, QStringLiteral("t.gexf"));
    QCOMPARE(b.actors.size(), 3);
    const Attribute* valid = findAttribute(b.actors.at(0).attributes, QStringLiteral("valid"));
    QVERIFY(valid);
    QCOMPARE(valid->type, AttributeType::Date);
    QCOMPARE(valid->value, QStringLiteral("2018-03/2022-06"));
    QCOMPARE(attributeText(b.actors.at(1).attributes, QStringLiteral("valid")),
             QStringLiteral("2020-01-15/.."));
    QVERIFY(!findAttribute(b.actors.at(2).attributes, QStringLiteral("valid")));
    QCOMPARE(b.relations.at(0).valid.edtf(), QStringLiteral("2020-02/2021-01"));
    QVERIFY(!b.relations.at(1).valid.isValid());
}

// A date-typed attribute is declared a string, which every GEXF reader takes (NetworkX refuses
// "date"), and marked as a date for our own reader, which brings the type back.
void TestGexf::dateAttributesAreStringsToOthers()
{
    auto s = m_stories.create();
    Actor a;
    a.name = QStringLiteral("Envoy");
    a.attributes = {
        Attribute{QStringLiteral("appointed"), AttributeType::Date, QStringLiteral("2025-03")}};
    s->insertActor(a);
    const QByteArray xml = writeGexf(*s);
    QVERIFY(!xml.contains(" type=\"date\""));
    QVERIFY2(xml.contains("title=\"appointed\" type=\"string\" chronomap:type=\"date\""),
             xml.constData());
    auto t = m_stories.create();
    applyImport(*t, readGexf(xml, QStringLiteral("d.gexf")), QStringLiteral("d.gexf"));
    const QList<Actor> actors = t->actors();
    QCOMPARE(actors.size(), 1);
    const Attribute* appointed =
        findAttribute(actors.first().attributes, QStringLiteral("appointed"));
    QVERIFY(appointed);
    QCOMPARE(appointed->type, AttributeType::Date);
    QCOMPARE(appointed->value, QStringLiteral("2025-03"));
}

// Another program's attribute titled or ided "valid" that holds a date is a custom attribute,
// never the actor's validity: only our marked declaration (or spells) gives that.
void TestGexf::foreignValidIsCustom()
{
    const QByteArray xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta><creator>Gephi 0.10.1</creator></meta>
  <graph defaultedgetype="directed">
    <attributes class="node">
      <attribute id="valid" title="valid" type="string"/>
      <attribute id="3" title="valid" type="string"/>
    </attributes>
    <nodes>
      <node id="n1" label="Contract A"><attvalues><attvalue for="valid" value="2021-05"/></attvalues></node>
      <node id="n2" label="Contract B" start="2019-01-01" end="2019-12-31">
        <attvalues><attvalue for="3" value="2030"/></attvalues></node>
    </nodes>
    <edges/>
  </graph>
</gexf>)";
    const ImportBatch b = readGexf(xml, QStringLiteral("foreign.gexf"));
    QCOMPARE(b.actors.size(), 2);
    const Attribute* valid = findAttribute(b.actors.at(0).attributes, QStringLiteral("valid"));
    QVERIFY(valid);
    QCOMPARE(valid->type, AttributeType::String);
    QCOMPARE(valid->value, QStringLiteral("2021-05"));
    QVERIFY(!actorValidity(b.actors.at(0)).isValid());
    // Beside a spell, the file's "valid" keeps its value under a name of its own, said once.
    QCOMPARE(actorValidity(b.actors.at(1)).edtf(), QStringLiteral("2019-01-01/2019-12-31"));
    QCOMPARE(attributeText(b.actors.at(1).attributes, QStringLiteral("valid (file)")),
             QStringLiteral("2030"));
    QCOMPARE(b.warnings.size(), 1);
    QVERIFY2(b.warnings.first().contains(QLatin1String("valid (file)")),
             qPrintable(b.warnings.first()));

    // Our export keeps a custom "valid" text apart from an actor's validity, both ways.
    auto s = m_stories.create();
    Actor a;
    a.name = QStringLiteral("Contract A");
    a.attributes = b.actors.at(0).attributes;
    Actor dated;
    dated.name = QStringLiteral("Envoy");
    setAttribute(
        dated.attributes, QStringLiteral("valid"),
        Attribute{QStringLiteral("valid"), AttributeType::Date, QStringLiteral("2018-03/2022-06")});
    s->insertActor(a);
    s->insertActor(dated);
    const ImportBatch back = readGexf(writeGexf(*s), QStringLiteral("back.gexf"));
    QCOMPARE(back.actors.size(), 2);
    QCOMPARE(findAttribute(back.actors.at(0).attributes, QStringLiteral("valid"))->type,
             AttributeType::String);
    QVERIFY(!actorValidity(back.actors.at(0)).isValid());
    QCOMPARE(actorValidity(back.actors.at(1)).edtf(), QStringLiteral("2018-03/2022-06"));
    QVERIFY(back.warnings.isEmpty());
}

// A file Chronomap wrote before the mark (id "valid", creator Chronomap) still gives the exact
// validity; the same declaration from another creator does not.
void TestGexf::olderChronomapValidity()
{
    const QByteArray older = R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta><creator>Chronomap</creator></meta>
  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
    <attributes class="node" mode="static">
      <attribute id="kind" title="kind" type="string"/>
      <attribute id="valid" title="valid" type="string"/>
    </attributes>
    <nodes>
      <node id="a1" label="Envoy"><attvalues><attvalue for="valid" value="2018-03/2022-06"/></attvalues>
        <spells><spell start="2018-03-01" end="2022-06-30"/></spells></node>
    </nodes>
    <edges/>
  </graph>
</gexf>)";
    const ImportBatch ours = readGexf(older, QStringLiteral("older.gexf"));
    QCOMPARE(actorValidity(ours.actors.at(0)).edtf(), QStringLiteral("2018-03/2022-06"));
    QCOMPARE(ours.actors.at(0).attributes.size(), 1);
    QByteArray theirs = older;
    theirs.replace("<creator>Chronomap</creator>", "<creator>Gephi</creator>");
    const ImportBatch other = readGexf(theirs, QStringLiteral("other.gexf"));
    // The spell's days, to the day; the text stays the file's, apart.
    QCOMPARE(actorValidity(other.actors.at(0)).edtf(), QStringLiteral("2018-03-01/2022-06-30"));
    QCOMPARE(attributeText(other.actors.at(0).attributes, QStringLiteral("valid (file)")),
             QStringLiteral("2018-03/2022-06"));
}

QTEST_GUILESS_MAIN(TestGexf)
#include "tst_gexf.moc"
