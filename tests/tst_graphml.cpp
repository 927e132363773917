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
        << QStringLiteral("edge \"e1\": expected the source to be the id of a node declared "
                          "before, found \"zz\"");
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
