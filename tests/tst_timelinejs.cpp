#include "interchangetest.h"

#include "interchange/csvreader.h"
#include "interchange/importbatch.h"
#include "interchange/timelinejs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chronomap;

// TimelineJS both ways: its JSON and its spreadsheet template, partial dates kept partial,
// title and eras and groups mapped, exports TimelineJS accepts, broken files refused with the
// story unchanged.
class TestTimelineJs : public QObject
{
    Q_OBJECT

private slots:
    void readsJson();
    void readsSheetWithPartialDates();
    void readsOldSheet();
    void exportIsTimelineJs();
    void jsonRoundTrip();
    void sheetRoundTrip();
    void malformed_data();
    void malformed();

private:
    test::Stories m_stories;
};

static const char kJson[] = R"({
  "title": {"text": {"headline": "The peace plan", "text": "<p>How it came about</p>"}},
  "events": [
    {"start_date": {"year": "2025", "month": "10"}, "text": {"headline": "Miami talks"},
     "group": "Diplomacy", "unique_id": "miami"},
    {"start_date": {"year": 2025, "month": 8, "day": 15, "hour": 11, "minute": 30},
     "end_date": {"year": "2025", "month": "8", "day": "16"},
     "text": {"headline": "Summit", "text": "Alaska"}, "display_date": "mid-August",
     "media": {"url": "https://example.org/a.jpg", "caption": "The handshake",
               "credit": "AP", "thumbnail": "https://example.org/t.jpg", "alt": "Two men"},
     "group": "diplomacy"},
    {"start_date": {"year": "-44", "month": "3", "day": "15"}, "text": {"headline": "Ides"}}
  ],
  "eras": [{"start_date": {"year": "2025"}, "end_date": {"year": "2026"},
            "text": {"headline": "Second term"}}]
})";

void TestTimelineJs::readsJson()
{
    const ImportBatch b = readTimelineJsJson(kJson, QStringLiteral("t.json"));
    QCOMPARE(b.title, QStringLiteral("The peace plan"));
    QCOMPARE(b.description, QStringLiteral("<p>How it came about</p>"));
    QCOMPARE(b.events.size(), 3);
    QCOMPARE(b.events.at(0).date.edtf(), QStringLiteral("2025-10")); // no invented day
    QCOMPARE(b.events.at(0).uid, QStringLiteral("miami"));
    QCOMPARE(b.events.at(1).date.edtf(), QStringLiteral("2025-08-15T11:30/2025-08-16"));
    QCOMPARE(b.events.at(1).displayDate, QStringLiteral("mid-August"));
    QCOMPARE(b.events.at(2).date.edtf(), QStringLiteral("-0044-03-15"));
    // "Diplomacy" and "diplomacy" are one group.
    QCOMPARE(b.categories, QStringList{QStringLiteral("Diplomacy")});
    QCOMPARE(b.events.at(1).categoryId, 1);
    QCOMPARE(b.eras.size(), 1);
    QCOMPARE(b.eras.at(0).title, QStringLiteral("Second term"));
    QCOMPARE(b.eras.at(0).date.edtf(), QStringLiteral("2025/2026"));
    QCOMPARE(b.sources.size(), 1);
    QCOMPARE(b.sources.at(0).url, QStringLiteral("https://example.org/a.jpg"));
    QCOMPARE(b.sources.at(0).publisher, QStringLiteral("AP"));
    QCOMPARE(b.citations.at(0).quote, QStringLiteral("The handshake"));
    QCOMPARE(b.citations.at(0).target.id, 2);
}

void TestTimelineJs::readsSheetWithPartialDates()
{
    const QByteArray csv =
        "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,"
        "Media Credit,Media Caption,Media Thumbnail,Alt Text,Type,Group,Background\n"
        ",,,,,,,,,The peace plan,Intro,,,,,,title,,\n"
        "2025,10,,,,,,,late October,Miami talks,\"Talks, in Miami\",,,,,,,Diplomacy,\n"
        "2025,8,15,2:30 PM,2025,8,16,,,Summit,,,,,,,,,#ff0000\n"
        "2025,,,,2026,,,,,Second term,,,,,,,era,,\n"
        "2024,,,,,,,,,Year only,,,,,,,,,\n";
    const CsvTable t = readCsv(csv, QStringLiteral("t.csv"));
    QVERIFY(isTimelineJsTable(t));
    const ImportBatch b = readTimelineJsTable(t, QStringLiteral("t.csv"));
    QCOMPARE(b.title, QStringLiteral("The peace plan"));
    QCOMPARE(b.events.size(), 3);
    QCOMPARE(b.events.at(0).date.edtf(), QStringLiteral("2025-10"));
    QCOMPARE(b.events.at(0).displayDate, QStringLiteral("late October"));
    QCOMPARE(b.events.at(0).summary, QStringLiteral("Talks, in Miami"));
    QCOMPARE(b.events.at(1).date.edtf(), QStringLiteral("2025-08-15T14:30/2025-08-16"));
    QCOMPARE(b.events.at(2).date.edtf(), QStringLiteral("2024"));
    QCOMPARE(b.eras.size(), 1);
    QCOMPARE(b.eras.at(0).date.edtf(), QStringLiteral("2025/2026"));
    QCOMPARE(b.categories, QStringList{QStringLiteral("Diplomacy")});
    QVERIFY(b.citations.at(0).locator.contains(QStringLiteral("background-color: #ff0000")));
    QCOMPARE(b.eventLines, (QList<qint64>{3, 4, 6}));
}

void TestTimelineJs::readsOldSheet()
{
    const QByteArray csv = "Start Date,End Date,Headline,Text,Media,Media Credit,Media Caption,"
                           "Media Thumbnail,Type,Tag\n"
                           "\"2025,10,24\",\"2025,10,26\",Miami,,,,,,,Talks\n"
                           "2025,,Year,,,,,,,\n";
    const CsvTable t = readCsv(csv, QStringLiteral("old.csv"));
    QVERIFY(isTimelineJsTable(t));
    const ImportBatch b = readTimelineJsTable(t, QStringLiteral("old.csv"));
    QCOMPARE(b.events.size(), 2);
    QCOMPARE(b.events.at(0).date.edtf(), QStringLiteral("2025-10-24/2025-10-26"));
    QCOMPARE(b.events.at(1).date.edtf(), QStringLiteral("2025"));
    QCOMPARE(b.categories, QStringList{QStringLiteral("Talks")});
}

void TestTimelineJs::exportIsTimelineJs()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QJsonDocument doc = QJsonDocument::fromJson(writeTimelineJsJson(*s));
    QVERIFY(doc.isObject());
    const QJsonArray events = doc.object().value(QStringLiteral("events")).toArray();
    QCOMPARE(events.size(), 3);
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        // What TimelineJS requires of a slide: a start date with a year and a headline.
        QVERIFY(e.value(QStringLiteral("start_date"))
                    .toObject()
                    .value(QStringLiteral("year"))
                    .isString());
        QVERIFY(e.value(QStringLiteral("text")).toObject().contains(QStringLiteral("headline")));
        QVERIFY(!e.value(QStringLiteral("unique_id")).toString().isEmpty());
    }
    // Ordered by date: August summit, the October month, the Miami range.
    const QJsonObject summit = events.at(0).toObject();
    QCOMPARE(summit.value(QStringLiteral("start_date"))
                 .toObject()
                 .value(QStringLiteral("hour"))
                 .toString(),
             QStringLiteral("11"));
    const QJsonObject october = events.at(1).toObject();
    QVERIFY(
        !october.value(QStringLiteral("start_date")).toObject().contains(QStringLiteral("day")));
    QCOMPARE(october.value(QStringLiteral("display_date")).toString(),
             QStringLiteral("late October"));
    const QJsonObject miami = events.at(2).toObject();
    QCOMPARE(
        miami.value(QStringLiteral("end_date")).toObject().value(QStringLiteral("day")).toString(),
        QStringLiteral("26"));
    QCOMPARE(miami.value(QStringLiteral("group")).toString(), QStringLiteral("Diplomacy"));
    QCOMPARE(doc.object()
                 .value(QStringLiteral("title"))
                 .toObject()
                 .value(QStringLiteral("text"))
                 .toObject()
                 .value(QStringLiteral("headline"))
                 .toString(),
             s->meta(QStringLiteral("title")));
    const QJsonArray eras = doc.object().value(QStringLiteral("eras")).toArray();
    QCOMPARE(eras.size(), 1);
    QVERIFY(eras.at(0).toObject().contains(QStringLiteral("end_date")));
}

// What TimelineJS carries survives import → export → import → export unchanged.
void TestTimelineJs::jsonRoundTrip()
{
    auto first = m_stories.create();
    applyImport(*first, readTimelineJsJson(kJson, QStringLiteral("t.json")),
                QStringLiteral("t.json"));
    const QByteArray once = writeTimelineJsJson(*first);
    auto second = m_stories.create();
    applyImport(*second, readTimelineJsJson(once, QStringLiteral("once.json")),
                QStringLiteral("once.json"));
    QCOMPARE(writeTimelineJsJson(*second), once);
    QCOMPARE(second->events().size(), 3);
    QVERIFY(once.contains("\"thumbnail\": \"https://example.org/t.jpg\""));
    QVERIFY(once.contains("\"alt\": \"Two men\""));
}

void TestTimelineJs::sheetRoundTrip()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QByteArray csv = writeTimelineJsCsv(*s);
    QVERIFY(csv.startsWith(kUtf8Bom));
    QVERIFY(csv.contains("'=SUM(A1:A9) sanctions")); // neutralised
    auto t = m_stories.create();
    applyImport(*t,
                readTimelineJsTable(readCsv(csv, QStringLiteral("s.csv")), QStringLiteral("s.csv")),
                QStringLiteral("s.csv"));
    const QList<Event> a = s->events(), b = t->events();
    QCOMPARE(b.size(), a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(b.at(i).title, a.at(i).title);
        QCOMPARE(b.at(i).summary, a.at(i).summary);
        QCOMPARE(b.at(i).date.edtf(), a.at(i).date.edtf());
        QCOMPARE(b.at(i).displayDate, a.at(i).displayDate);
    }
    QCOMPARE(t->meta(QStringLiteral("title")), s->meta(QStringLiteral("title")));
    QCOMPARE(t->eras().size(), 1);
    QCOMPARE(t->eras().at(0).date.edtf(), s->eras().at(0).date.edtf());
}

void TestTimelineJs::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("sheet");
    QTest::addColumn<QString>("message");
    QTest::newRow("truncated json")
        << QByteArray(kJson).left(200) << false << QStringLiteral("bad.json:");
    QTest::newRow("no events") << QByteArray("{\"title\": {}}") << false
                               << QStringLiteral("the field \"events\" is missing");
    QTest::newRow("events not array")
        << QByteArray("{\"events\": {}}") << false << QStringLiteral("events: expected an array");
    QTest::newRow("no year")
        << QByteArray("{\"events\": [\n{\"start_date\": {\"month\": \"3\"}}]}") << false
        << QStringLiteral("bad.json:2:16: events[0].start_date: the field \"year\" is missing");
    QTest::newRow("month 13")
        << QByteArray("{\"events\": [{\"start_date\": {\"year\": \"2025\", \"month\": \"13\"}}]}")
        << false << QStringLiteral("expected a month from 1 to 12, found 13");
    QTest::newRow("february 30")
        << QByteArray(
               "{\"events\": [{\"start_date\": {\"year\": 2025, \"month\": 2, \"day\": 30}}]}")
        << false << QStringLiteral("expected a day from 1 to 28");
    QTest::newRow("year text") << QByteArray(
                                      "{\"events\": [{\"start_date\": {\"year\": \"soon\"}}]}")
                               << false << QStringLiteral("expected a whole number such as 2025");
    QTest::newRow("deep json") << QByteArray(10000, '[') + QByteArray(10000, ']') << false
                               << QStringLiteral("nested deeper than 64 levels");
    QTest::newRow("invalid utf-8 json") << QByteArray("{\"events\": [], \"title\": \"caf\xE9\"}")
                                        << false << QStringLiteral("bad.json:");
    QTest::newRow("sheet without year")
        << QByteArray("Headline,Text\nA,B\n") << true
        << QStringLiteral("the column \"Year\" (or \"Start Date\") is missing");
    QTest::newRow("sheet bad month")
        << QByteArray("Year,Month,Headline\n2025,Octobre,A\n") << true
        << QStringLiteral(
               "bad.csv:2:2: column \"Month\": expected a whole number, found \"Octobre\"");
    QTest::newRow("sheet empty year")
        << QByteArray("Year,Month,Headline\n,10,A\n") << true
        << QStringLiteral("bad.csv:2:1: column \"Year\": expected a year");
    QTest::newRow("sheet bad time")
        << QByteArray("Year,Month,Day,Time,Headline\n2025,10,1,25:00,A\n") << true
        << QStringLiteral("expected a time from 00:00:00 to 23:59:59");
    QTest::newRow("sheet end before start")
        << QByteArray("Year,End Year,Headline\n2025,2024,A\n") << true
        << QStringLiteral("bad.csv:2:1: column \"Year\": expected a valid date");
}

void TestTimelineJs::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, sheet);
    QFETCH(QString, message);
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QByteArray before = writeStoryJson(*s);
    try {
        if (sheet) {
            const CsvTable t = readCsv(bytes, QStringLiteral("bad.csv"));
            applyImport(*s, readTimelineJsTable(t, QStringLiteral("bad.csv")),
                        QStringLiteral("bad.csv"));
        } else {
            applyImport(*s, readTimelineJsJson(bytes, QStringLiteral("bad.json")),
                        QStringLiteral("bad.json"));
        }
        QFAIL("the file was accepted");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
    }
    QCOMPARE(writeStoryJson(*s), before);
}

QTEST_GUILESS_MAIN(TestTimelineJs)
#include "tst_timelinejs.moc"
