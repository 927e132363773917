#include "interchangetest.h"

#include "interchange/csvreader.h"
#include "interchange/eventscsv.h"
#include "interchange/graphformats.h"
#include "interchange/importbatch.h"

#include <QTest>

using namespace chronomap;

// Events and edges as spreadsheets: UTF-8 with a BOM, formulas neutralised, every field back
// on reading; column mapping for sheets whose headers differ; bad cells refused by line and
// column with the story unchanged.
class TestEventCsv : public QObject
{
    Q_OBJECT

private slots:
    void exportIsSafeForSpreadsheets();
    void eventsRoundTrip();
    void edgesRoundTrip();
    void edgeCells_data();
    void edgeCells();
    void mappingForOtherHeaders();
    void datesAsSpreadsheetsWriteThem_data();
    void datesAsSpreadsheetsWriteThem();
    void malformed_data();
    void malformed();

private:
    test::Stories m_stories;
};

void TestEventCsv::exportIsSafeForSpreadsheets()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QByteArray csv = writeEventsCsv(*s);
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"
                           "id,uid,date,"));
    QVERIFY(csv.contains(",'=SUM(A1:A9) sanctions,"));
    QVERIFY(!csv.contains(",=SUM"));
    const QByteArray edges = writeEdgesCsv(*s);
    QVERIFY(edges.contains("\"'=HYPERLINK(\"\"x\"\")\""));
}

void TestEventCsv::eventsRoundTrip()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QByteArray csv = writeEventsCsv(*s);
    const CsvTable t = readCsv(csv, QStringLiteral("e.csv"));
    auto u = m_stories.create();
    applyImport(*u, readEventsTable(t, guessEventMapping(t), QStringLiteral("e.csv")),
                QStringLiteral("e.csv"));
    const QList<Event> a = s->events(), b = u->events();
    QCOMPARE(b.size(), a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(b.at(i).title, a.at(i).title);
        QCOMPARE(b.at(i).summary, a.at(i).summary);
        QCOMPARE(b.at(i).date, a.at(i).date);
        QCOMPARE(b.at(i).displayDate, a.at(i).displayDate);
        QCOMPARE(b.at(i).tags, a.at(i).tags);
        QCOMPARE(b.at(i).importance, a.at(i).importance);
        QCOMPARE(b.at(i).location, a.at(i).location);
        QCOMPARE(b.at(i).status, a.at(i).status);
        QCOMPARE(b.at(i).uid, a.at(i).uid);
        QCOMPARE(b.at(i).actors.size(), a.at(i).actors.size());
        for (qsizetype p = 0; p < a.at(i).actors.size(); ++p) {
            QCOMPARE(u->actor(b.at(i).actors.at(p).actorId)->name,
                     s->actor(a.at(i).actors.at(p).actorId)->name);
            QCOMPARE(b.at(i).actors.at(p).role, a.at(i).actors.at(p).role);
        }
    }
    // Stable: a story read from the export exports the same bytes (its ids are the new ones).
    const QByteArray again = writeEventsCsv(*u);
    auto v = m_stories.create();
    const CsvTable t2 = readCsv(again, QStringLiteral("e2.csv"));
    applyImport(*v, readEventsTable(t2, guessEventMapping(t2), QStringLiteral("e2.csv")),
                QStringLiteral("e2.csv"));
    QCOMPARE(writeEventsCsv(*v), again);
}

void TestEventCsv::edgesRoundTrip()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QByteArray csv = writeEdgesCsv(*s);
    auto u = m_stories.create();
    const CsvTable t = readCsv(csv, QStringLiteral("g.csv"));
    QVERIFY(isEdgesTable(t));
    applyImport(*u, readEdgesTable(t, QStringLiteral("g.csv")), QStringLiteral("g.csv"));
    QCOMPARE(u->relations().size(), s->relations().size());
    for (qsizetype i = 0; i < s->relations().size(); ++i) {
        const Relation a = s->relations().at(i), b = u->relations().at(i);
        QCOMPARE(b.type, a.type);
        QCOMPARE(b.valid.edtf(), a.valid.edtf());
        QCOMPARE(b.directed, a.directed);
        QCOMPARE(b.weight, a.weight);
        QCOMPARE(b.status, a.status);
        QCOMPARE(u->actor(b.sourceId)->name, s->actor(a.sourceId)->name);
    }
    QCOMPARE(writeEdgesCsv(*u), csv);
}

// Edge lists as analysts write them: start and end bound the time a relation holds, as a GEXF
// spell does; weights from a ';' locale have decimal commas.
void TestEventCsv::edgeCells_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("edtf");
    QTest::addColumn<double>("weight");
    QTest::newRow("start only: still holds")
        << QByteArray("source,target,start\nA,B,2025-10\n") << QStringLiteral("2025-10/..") << 1.0;
    QTest::newRow("end only") << QByteArray("source,target,start,end\nA,B,,2025-10\n")
                              << QStringLiteral("../2025-10") << 1.0;
    QTest::newRow("one period: start = end")
        << QByteArray("source,target,start,end\nA,B,2025-10,2025-10\n") << QStringLiteral("2025-10")
        << 1.0;
    QTest::newRow("range") << QByteArray(
                                  "source,target,start,end,weight\nA,B,2025-10-24,2025-11,3\n")
                           << QStringLiteral("2025-10-24/2025-11") << 3.0;
    QTest::newRow("decimal comma, ';' separated")
        << QByteArray("\xEF\xBB\xBFsource;target;type;weight\r\nA;B;talks;2,5\r\n") << QString()
        << 2.5;
}

void TestEventCsv::edgeCells()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, edtf);
    QFETCH(double, weight);
    const CsvTable t = readCsv(csv, QStringLiteral("e.csv"));
    QVERIFY(isEdgesTable(t));
    const ImportBatch b = readEdgesTable(t, QStringLiteral("e.csv"));
    QCOMPARE(b.relations.size(), 1);
    QCOMPARE(b.relations.at(0).valid.edtf(), edtf);
    QCOMPARE(b.relations.at(0).weight, weight);
}

void TestEventCsv::mappingForOtherHeaders()
{
    const QByteArray csv =
        "Wann;Was;Wer\n2025-10-24;Gespräche in Miami;\"Witkoff (Gastgeber); Dmitriev\"\n";
    const CsvTable t = readCsv(csv, QStringLiteral("de.csv"));
    CsvMapping guessed = guessEventMapping(t);
    QCOMPARE(guessed.column(QStringLiteral("title")), -1);
    try {
        readEventsTable(t, guessed, QStringLiteral("de.csv"));
        QFAIL("a sheet without a title column was accepted");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(QStringLiteral("no column gives the event's title")),
                 qPrintable(e.message()));
    }
    CsvMapping m;
    m.columns = {
        {QStringLiteral("date"), 0}, {QStringLiteral("title"), 1}, {QStringLiteral("actors"), 2}};
    const ImportBatch b = readEventsTable(t, m, QStringLiteral("de.csv"));
    QCOMPARE(b.events.size(), 1);
    QCOMPARE(b.events.at(0).title, QStringLiteral("Gespräche in Miami"));
    QCOMPARE(b.actors.size(), 2);
    QCOMPARE(b.events.at(0).actors.at(0).role, QStringLiteral("Gastgeber"));
}

void TestEventCsv::datesAsSpreadsheetsWriteThem_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<QString>("edtf");
    QTest::newRow("EDTF") << "2025-10-24"
                          << ""
                          << "2025-10-24";
    QTest::newRow("European dots") << "24.10.2025"
                                   << ""
                                   << "2025-10-24";
    QTest::newRow("one-digit day and month") << "2.8.2025"
                                             << ""
                                             << "2025-08-02";
    QTest::newRow("month name") << "Oct 24, 2025"
                                << ""
                                << "2025-10-24";
    QTest::newRow("a reporter's phrase") << "late October 2025"
                                         << ""
                                         << "2025-10-21~/2025-10-31~";
    QTest::newRow("range in two columns") << "21.10.2025"
                                          << "31.10.2025"
                                          << "2025-10-21/2025-10-31";
    QTest::newRow("month to month") << "2025-08"
                                    << "2025-10"
                                    << "2025-08/2025-10";
}

void TestEventCsv::datesAsSpreadsheetsWriteThem()
{
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(QString, edtf);
    const QByteArray csv =
        QStringLiteral("Titel;Datum;Ende\nGespräche in Miami;%1;%2\n").arg(start, end).toUtf8();
    const CsvTable t = readCsv(csv, QStringLiteral("de.csv"));
    CsvMapping m;
    m.columns = {
        {QStringLiteral("title"), 0}, {QStringLiteral("date"), 1}, {QStringLiteral("end"), 2}};
    const ImportBatch b = readEventsTable(t, m, QStringLiteral("de.csv"));
    QCOMPARE(b.events.size(), 1);
    QCOMPARE(b.events.at(0).date.edtf(), edtf);
}

void TestEventCsv::malformed_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<bool>("edges");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad date") << QByteArray("title,date\nA,2025-10-24\nB,24.13.2025\n") << false
                              << QStringLiteral("bad.csv:3:2: column \"date\": expected a date "
                                                "such as 2025-10-24");
    QTest::newRow("day or month first?")
        << QByteArray("title,date\nA,10/11/2025\n") << false
        << QStringLiteral("bad.csv:2:2: column \"date\": expected a date such as 2025-10-24, "
                          "2025-10 or 2025-10-21/2025-10-31, found \"10/11/2025\": \"10/11/2025\" "
                          "could be day/month or month/day");
    QTest::newRow("end before start")
        << QByteArray("title,date,end\nA,2025-10-24,2025-10-01\n") << false
        << QStringLiteral("bad.csv:2:3: column \"end\": the end \"2025-10-01\" does not close");
    QTest::newRow("empty date") << QByteArray("title,date\nA,\n") << false
                                << QStringLiteral("bad.csv:2:2: column \"date\": expected a date");
    QTest::newRow("missing date column") << QByteArray("title,when not\nA,1\n") << false
                                         << QStringLiteral("no column gives the event's date");
    QTest::newRow("importance")
        << QByteArray("title,date,importance\nA,2025,9\n") << false
        << QStringLiteral(
               "bad.csv:2:3: column \"importance\": expected a whole number from 0 to 5");
    QTest::newRow("status") << QByteArray("title,date,status\nA,2025,maybe\n") << false
                            << QStringLiteral("column \"status\": expected draft, confirmed");
    QTest::newRow("unclosed quote") << QByteArray("title,date\n\"A,2025\n") << false
                                    << QStringLiteral("bad.csv:2:1: expected a closing quote");
    QTest::newRow("invalid utf-8") << QByteArray("title,date\n\xFF,2025\n") << false
                                   << QStringLiteral("bad.csv:2:1: expected UTF-8 text");
    QTest::newRow("edge without target")
        << QByteArray("source,target\nA,\n") << true
        << QStringLiteral("bad.csv:2:2: column \"target\": expected an actor's name");
    QTest::newRow("edge bad weight") << QByteArray("source,target,weight\nA,B,x\n") << true
                                     << QStringLiteral("column \"weight\": expected a number");
    // A decimal comma only where ',' cannot be the separator: here it is a thousands mark.
    QTest::newRow("edge weight with a comma in a ',' file")
        << QByteArray("source,target,weight\nA,B,\"2,5\"\n") << true
        << QStringLiteral("bad.csv:2:3: column \"weight\": expected a number, found \"2,5\"");
    QTest::newRow("edge bad start")
        << QByteArray("source,target,start,end\nA,B,2025-10,2025-09\n") << true
        << QStringLiteral("bad.csv:2:3: column \"start\": expected an EDTF date");
    QTest::newRow("edges missing target column")
        << QByteArray("source,to\nA,B\n") << true
        << QStringLiteral("the columns \"source\" and \"target\" are required");
}

void TestEventCsv::malformed()
{
    QFETCH(QByteArray, csv);
    QFETCH(bool, edges);
    QFETCH(QString, message);
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QByteArray before = writeStoryJson(*s);
    try {
        const CsvTable t = readCsv(csv, QStringLiteral("bad.csv"));
        const ImportBatch b =
            edges ? readEdgesTable(t, QStringLiteral("bad.csv"))
                  : readEventsTable(t, guessEventMapping(t), QStringLiteral("bad.csv"));
        applyImport(*s, b, QStringLiteral("bad.csv"));
        QFAIL("the file was accepted");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
    }
    QCOMPARE(writeStoryJson(*s), before);
}

QTEST_GUILESS_MAIN(TestEventCsv)
#include "tst_eventcsv.moc"
