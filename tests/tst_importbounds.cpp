// Imports finish in bounded time and memory and tell the truth: TimelineJS event lines found
// in one pass, XML elements with too many attributes refused before the parser sees them,
// CSV files refused when their cells would not fit in memory, every reader stopped by Cancel,
// and two imports into one story at once counting and titling what they really did.
#include "interchangetest.h"

#include "interchange/cancellation.h"
#include "interchange/csvreader.h"
#include "interchange/graphformats.h"
#include "interchange/interchange.h"
#include "interchange/timelinejs.h"
#include "interchange/xmlguard.h"
#include "story/generator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <atomic>
#include <latch>
#include <optional>
#include <thread>

using namespace chronomap;

class TestImportBounds : public QObject
{
    Q_OBJECT

private slots:
    void timelineJsEventLines();
    void crowdedElement_data();
    void crowdedElement();
    void tooManyAttributesIsRefusedWithItsLine();
    void csvMemoryEstimateRefusesTinyCells();
    void declaredAttributesAndDefaultsAreBounded();
    void manyTagsReadInLinearTime();
    void cancelledReadStops_data();
    void cancelledReadStops();
    void concurrentImportsTellTheTruth();

private:
    test::Stories m_stories;
    std::unique_ptr<Store> m_source; // a generated story, exported in every format
};

// Each event's line, however the file is laid out (events on one line, several lines, strings
// holding brackets and escaped quotes).
void TestImportBounds::timelineJsEventLines()
{
    const QByteArray json =
        "{\"title\": {\"text\": {\"headline\": \"[not] {an} event\"}},\n"
        "\"events\": [\n"
        "  {\"start_date\": {\"year\": 2020}, \"text\": {\"headline\": \"a\"}},\n"
        "  {\"start_date\": {\"year\": 2021},\n"
        "   \"text\": {\"headline\": \"b \\\" ] }\"}},"
        " {\"start_date\": {\"year\": 2022}, \"text\": {\"headline\": \"c\"}}\n"
        "  ,\n\n"
        "  {\"start_date\": {\"year\": 2023}, \"text\": {\"headline\": \"d\"}}\n"
        "]}\n";
    const ImportBatch b = readTimelineJsJson(json, QStringLiteral("t.json"));
    QCOMPARE(b.events.size(), 4);
    QCOMPARE(b.eventLines, (QList<qint64>{3, 4, 5, 8}));
    QCOMPARE(b.events.at(1).title, QStringLiteral("b \" ] }"));
}

void TestImportBounds::crowdedElement_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<int>("most");
    QTest::addColumn<qsizetype>("offset"); // of the crowded element, or -1

    auto attributes = [](int n, const char* quote = "\"") {
        QByteArray out;
        for (int i = 0; i < n; ++i)
            out += " a" + QByteArray::number(i) + '=' + quote + 'v' + quote;
        return out;
    };
    QTest::newRow("few") << QByteArray("<g" + attributes(3) + "/>") << 3 << qsizetype(-1);
    QTest::newRow("one too many") << QByteArray("<g" + attributes(4) + "/>") << 3 << qsizetype(0);
    QTest::newRow("single quotes")
        << QByteArray("<x/>\n<g" + attributes(4, "'") + ">") << 3 << qsizetype(5);
    QTest::newRow("'=' inside values does not count")
        << QByteArray("<g a=\"x=y=z=w\" b='=='/>") << 2 << qsizetype(-1);
    QTest::newRow("'>' inside a value does not end the tag")
        << QByteArray("<g a=\">\"" + attributes(3) + "/>") << 3 << qsizetype(0);
    QTest::newRow("text with '=' is not a tag")
        << QByteArray("<g>a=b=c=d=e</g>") << 2 << qsizetype(-1);
    QTest::newRow("comment, CDATA, PI and DTD skipped")
        << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE g [<!ATTLIST g a CDATA \"=\">]>"
                      "<!-- <g a=1 b=2 c=3 d=4> ' --><g><![CDATA[<h a=1 b=2 c=3 d=4>]]></g>")
        << 3 << qsizetype(-1);
    QTest::newRow("a stray quote in a comment hides nothing")
        << QByteArray("<!-- \" --><x a='1'/><g" + attributes(4) + "/>") << 3 << qsizetype(20);
    QTest::newRow("an unclosed quote ends at the next tag")
        << QByteArray("<x a=\"1><g" + attributes(4) + "/>") << 3 << qsizetype(8);
}

void TestImportBounds::crowdedElement()
{
    QFETCH(QByteArray, xml);
    QFETCH(int, most);
    QFETCH(qsizetype, offset);
    QCOMPARE(GuardedXml::crowdedElement(xml, most), offset);
}

// 300,000 attributes on one element (3.5 MB) kept QXmlStreamReader busy for minutes; now the
// file is refused at once, naming the element's line.
void TestImportBounds::tooManyAttributesIsRefusedWithItsLine()
{
    QByteArray attrs;
    for (int i = 0; i < 300'000; ++i)
        attrs += " a" + QByteArray::number(i) + "=\"1\"";
    const QByteArray gexf = "<?xml version=\"1.0\"?>\n<gexf version=\"1.3\">\n<graph>\n<nodes>\n"
                            "<node id=\"n\"" +
                            attrs + "/>\n</nodes></graph></gexf>\n";
    const QByteArray graphml = "<?xml version=\"1.0\"?>\n<graphml" + attrs + ">\n</graphml>\n";
    try {
        readGexf(gexf, QStringLiteral("wide.gexf"));
        QFAIL("accepted");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().startsWith(QStringLiteral("wide.gexf:5:1: ")),
                 qPrintable(e.message()));
        QVERIFY2(e.message().contains(QStringLiteral("more than 1000 attributes")),
                 qPrintable(e.message()));
    }
    try {
        readGraphMl(graphml, QStringLiteral("wide.graphml"));
        QFAIL("accepted");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().startsWith(QStringLiteral("wide.graphml:2:1: ")),
                 qPrintable(e.message()));
    }
}

// A file of one-character cells takes some 40 times its size in memory: refused before a cell
// is read, with what it would need and what to do. The limit is made small for the test; the
// estimate itself says that 300 MB of such cells is beyond the default budget of any machine.
void TestImportBounds::csvMemoryEstimateRefusesTinyCells()
{
    QByteArray row;
    for (int i = 0; i < 499; ++i)
        row += "a,";
    row += "a\n";
    QByteArray csv;
    for (int i = 0; i < 2000; ++i) // 2 MB, a million cells
        csv += row;
    qint64 cells = 0, rows = 0;
    const qint64 need = csvMemoryEstimate(csv, &cells, &rows);
    QCOMPARE(cells, qint64(1'000'001)); // after the last new line: a (blank) row
    QCOMPARE(rows, qint64(2001));
    QVERIFY(need > 32 * csv.size());
    QVERIFY(need * 150 > qint64(4) << 30); // 300 MB like this: more than the 4 GiB at most
    QVERIFY(defaultCsvMemoryBudget() <= qint64(4) << 30);

    CsvLimits limits;
    limits.maxMemoryBytes = 16 << 20;
    try {
        readCsv(csv, QStringLiteral("tiny.csv"), limits);
        QFAIL("accepted");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().startsWith(QStringLiteral("tiny.csv: ")), qPrintable(e.message()));
        QVERIFY2(e.message().contains(QStringLiteral("MiB of memory")), qPrintable(e.message()));
        QVERIFY2(e.message().contains(QStringLiteral("split it")), qPrintable(e.message()));
    }
    // Quoted separators are text, not cells; within the budget the file is read.
    const QByteArray quoted = "title,date\n\"a,b,c,d,e,f\",2025\n";
    QCOMPARE(csvMemoryEstimate(quoted, &cells),
             csvMemoryEstimate("title,date\nabcdefghijklm,2025\n"));
    QCOMPARE(cells, qint64(5));
    limits.maxMemoryBytes = need;
    QCOMPARE(readCsv(csv, QStringLiteral("tiny.csv"), limits).rows.size(), 1999);
}

// Many declared attributes or keys, and defaults that would be copied into every node, are
// refused with a message instead of taking minutes or gigabytes.
void TestImportBounds::declaredAttributesAndDefaultsAreBounded()
{
    QByteArray keys, attributes;
    for (int i = 0; i < 1001; ++i) {
        keys += "<key id=\"k" + QByteArray::number(i) + "\" for=\"node\" attr.name=\"a" +
                QByteArray::number(i) + "\"/>\n";
        attributes += "<attribute id=\"" + QByteArray::number(i) + "\" title=\"a" +
                      QByteArray::number(i) + "\" type=\"string\"/>\n";
    }
    try {
        readGraphMl("<graphml>\n" + keys + "<graph/></graphml>\n", QStringLiteral("k.graphml"));
        QFAIL("accepted");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(QStringLiteral("more than 1000 keys")),
                 qPrintable(e.message()));
    }
    try {
        readGexf("<gexf version=\"1.3\"><graph><attributes class=\"node\">\n" + attributes +
                     "</attributes></graph></gexf>\n",
                 QStringLiteral("a.gexf"));
        QFAIL("accepted");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(QStringLiteral("more than 1000 attributes declared")),
                 qPrintable(e.message()));
    }
    // 500 defaults of 1,000 characters and 600 nodes: 300 MB of copies from a 600 kB file.
    const QByteArray value(1000, 'v');
    QByteArray withDefaults, gexfDefaults, nodes;
    for (int i = 0; i < 500; ++i) {
        withDefaults += "<key id=\"k" + QByteArray::number(i) + "\" for=\"node\" attr.name=\"a" +
                        QByteArray::number(i) + "\"><default>" + value + "</default></key>\n";
        gexfDefaults += "<attribute id=\"" + QByteArray::number(i) + "\" title=\"a" +
                        QByteArray::number(i) + "\" type=\"string\"><default>" + value +
                        "</default></attribute>\n";
    }
    for (int i = 0; i < 600; ++i)
        nodes += "<node id=\"n" + QByteArray::number(i) + "\"/>\n";
    for (const auto& [name, xml] :
         {std::pair{QStringLiteral("d.graphml"),
                    QByteArray("<graphml>\n" + withDefaults + "<graph>" + nodes +
                               "</graph></graphml>\n")},
          std::pair{QStringLiteral("d.gexf"),
                    QByteArray("<gexf version=\"1.3\"><graph><attributes class=\"node\">\n" +
                               gexfDefaults + "</attributes><nodes>" + nodes +
                               "</nodes></graph></gexf>\n")}}) {
        try {
            if (name.endsWith(QLatin1String("gexf")))
                readGexf(xml, name);
            else
                readGraphMl(xml, name);
            QFAIL("accepted");
        } catch (const StoreError& e) {
            QVERIFY2(e.message().contains(QStringLiteral("default values")),
                     qPrintable(e.message()));
        }
    }
}

// An event with 120,000 distinct tags: each tag is checked against the others once, not
// against a list of all earlier ones (which took minutes).
void TestImportBounds::manyTagsReadInLinearTime()
{
    QStringList tags;
    for (int i = 0; i < 120'000; ++i)
        tags << QStringLiteral("t%1").arg(i);
    tags << QStringLiteral("t7"); // a repeat counts once
    QByteArray csv = "title,date,tags\nTagged,2025,\"" + tags.join(u';').toUtf8() + "\"\n";
    const CsvTable t = readCsv(csv, QStringLiteral("tags.csv"));
    const ImportBatch b = readEventsTable(t, guessEventMapping(t), QStringLiteral("tags.csv"));
    QCOMPARE(b.events.size(), 1);
    QCOMPARE(b.events.first().tags.size(), 120'000);

    QJsonArray list;
    for (const QString& tag : std::as_const(tags))
        list.append(tag);
    const QJsonObject story{
        {QStringLiteral("format"), QStringLiteral("chronomap")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("events"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), 1},
                                {QStringLiteral("title"), QStringLiteral("Tagged")},
                                {QStringLiteral("date"), QStringLiteral("2025")},
                                {QStringLiteral("tags"), list}}}}};
    const ImportBatch j =
        storyJsonAsBatch(QJsonDocument(story).toJson(), QStringLiteral("tags.json"));
    QCOMPARE(j.events.size(), 1);
    QCOMPARE(j.events.first().tags.size(), 120'000);
}

void TestImportBounds::cancelledReadStops_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("suffix");
    for (const char* f : {"timelinejs", "timelinejs-csv", "chronomap", "events-csv", "edges-csv",
                          "gexf", "graphml"})
        QTest::newRow(f) << QString::fromLatin1(f)
                         << (QByteArray(f).endsWith("csv") ? QStringLiteral("csv")
                             : QByteArray(f) == "gexf"     ? QStringLiteral("gexf")
                             : QByteArray(f) == "graphml"  ? QStringLiteral("graphml")
                                                           : QStringLiteral("json"));
}

// A reader given an already cancelled flag stops with "cancelled" (a large file, so that a
// reader that did not look would take a while), each reader by itself and the import's door,
// and the story is not written. Outside the scope nothing is cancelled.
void TestImportBounds::cancelledReadStops()
{
    QFETCH(QString, format);
    QFETCH(QString, suffix);
    if (!m_source) {
        m_source = m_stories.create();
        GenerateOptions options;
        options.events = 20'000;
        options.actors = 3'000;
        generateStory(*m_source, options);
    }
    const QString input = m_stories.path(QStringLiteral("big-%1.%2").arg(format, suffix));
    exportData(*m_source, format, input);
    const QByteArray bytes = readInputFile(input);
    const QString name = QStringLiteral("big");
    std::optional<CsvTable> table;
    if (suffix == QLatin1String("csv"))
        table = readCsv(bytes, name);
    auto target = m_stories.create();
    const QByteArray before = writeStoryJson(*target);

    std::atomic<bool> cancel{true};
    {
        const CancelScope scope(&cancel);
        QVERIFY(cancelRequested());
        QVERIFY_THROWS_EXCEPTION(ReadCancelled, parseImport(input));
        QVERIFY_THROWS_EXCEPTION(ReadCancelled, parseImportForPreview(input));
        if (table) {
            QVERIFY_THROWS_EXCEPTION(ReadCancelled, readCsv(bytes, name));
            if (format == QLatin1String("timelinejs-csv"))
                QVERIFY_THROWS_EXCEPTION(ReadCancelled, readTimelineJsTable(*table, name));
            else if (format == QLatin1String("events-csv"))
                QVERIFY_THROWS_EXCEPTION(ReadCancelled,
                                         readEventsTable(*table, guessEventMapping(*table), name));
            else
                QVERIFY_THROWS_EXCEPTION(ReadCancelled, readEdgesTable(*table, name));
        } else if (format == QLatin1String("timelinejs")) {
            QVERIFY_THROWS_EXCEPTION(ReadCancelled, readTimelineJsJson(bytes, name));
        } else if (format == QLatin1String("chronomap")) {
            QVERIFY_THROWS_EXCEPTION(ReadCancelled, readStoryJson(*target, bytes, name));
            QVERIFY_THROWS_EXCEPTION(ReadCancelled, storyJsonAsBatch(bytes, name));
        } else if (format == QLatin1String("gexf")) {
            QVERIFY_THROWS_EXCEPTION(ReadCancelled, readGexf(bytes, name));
        } else {
            QVERIFY_THROWS_EXCEPTION(ReadCancelled, readGraphMl(bytes, name));
        }
    }
    QCOMPARE(writeStoryJson(*target), before);
    QVERIFY(!cancelRequested());
    const ParsedImport parsed = parseImport(input);
    QVERIFY(!parsed.batch.events.isEmpty() || !parsed.batch.relations.isEmpty() ||
            !parsed.chronomapJson.isEmpty());
}

// Two imports of the same 500 actors into one story at once, each through its own connection
// on its own thread (as two windows or two processes): the story has 500 actors, the
// summaries add up to 500 new, and the title the first import set is kept by the second,
// whose summary says so.
void TestImportBounds::concurrentImportsTellTheTruth()
{
    for (int round = 0; round < 8; ++round) {
        const QString path = m_stories.path(QStringLiteral("race%1.chronomap").arg(round));
        Store::open(path, Store::Mode::Create);
        ImportBatch files[2];
        for (int k = 0; k < 2; ++k) {
            files[k].title = QStringLiteral("File %1").arg(k);
            for (int i = 0; i < 500; ++i) {
                Actor a;
                a.name = QStringLiteral("Actor %1").arg(i);
                files[k].actors << a;
            }
        }
        ImportSummary summaries[2];
        QString errors[2];
        std::latch start(2);
        auto run = [&](int k) {
            try {
                auto store = Store::open(path, Store::Mode::ReadWrite);
                start.arrive_and_wait();
                summaries[k] = applyImport(*store, files[k], QStringLiteral("f%1").arg(k));
            } catch (const StoreError& e) {
                errors[k] = e.message();
            }
        };
        std::thread first(run, 0), second(run, 1);
        first.join();
        second.join();
        QCOMPARE(errors[0], QString());
        QCOMPARE(errors[1], QString());
        auto store = Store::open(path, Store::Mode::ReadOnly);
        QCOMPARE(store->actors().size(), 500);
        QCOMPARE(summaries[0].newActors + summaries[1].newActors, 500);
        QCOMPARE(summaries[0].matchedActors + summaries[1].matchedActors, 500);
        QCOMPARE(int(summaries[0].titleSet) + int(summaries[1].titleSet), 1);
        const int winner = summaries[0].titleSet ? 0 : 1, other = 1 - winner;
        QCOMPARE(store->meta(QStringLiteral("title")), files[winner].title);
        QCOMPARE(summaries[other].keptTitle, files[winner].title);
        QCOMPARE(summaries[other].fileTitle, files[other].title);
        QVERIFY(summaries[other].text().contains(files[other].title));
    }
}

QTEST_GUILESS_MAIN(TestImportBounds)
#include "tst_importbounds.moc"
