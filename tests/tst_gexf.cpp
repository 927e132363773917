#include "interchangetest.h"

#include "interchange/graphformats.h"
#include "interchange/importbatch.h"

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
    void malformed_data();
    void malformed();

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
    QVERIFY(xml.contains("<viz:size value="));
    QVERIFY(xml.contains("type=\"undirected\""));
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

QTEST_GUILESS_MAIN(TestGexf)
#include "tst_gexf.moc"
