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
    void sheetCells_data();
    void sheetCells();
    void htmlText_data();
    void htmlText();
    void titleGoesToUntitledStory();
    void titleSlideMediaSurvives();
    void erasTimelineJsKeeps_data();
    void erasTimelineJsKeeps();
    void exportIsTimelineJs();
    void jsonRoundTrip();
    void sheetRoundTrip();
    void deepTimeAndTitleWithoutHeadline();
    void olderFormatsAreNamed();
    void readsRealWorldFiles_data();
    void readsRealWorldFiles();
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
    // A paragraph of HTML is text; markup beyond that would be kept (see htmlText).
    QCOMPARE(b.description, QStringLiteral("How it came about"));
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

// One row of the current template, cell by cell as Google Sheets and Excel write them, read as
// TimelineJS reads it (its TL.ConfigFactory): the date it gives and what the background is.
void TestTimelineJs::sheetCells_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("edtf");
    QTest::addColumn<QString>("locator");
    const QByteArray tpl = "Year,Month,Day,Time,Headline,Background";
    QTest::newRow("time with dots in p.m.") << tpl << QByteArray("2025,8,15,2:30 p.m.,A,")
                                            << QStringLiteral("2025-08-15T14:30") << QString();
    QTest::newRow("12 AM is midnight") << tpl << QByteArray("2025,8,15,12 AM,A,")
                                       << QStringLiteral("2025-08-15T00:00") << QString();
    QTest::newRow("time as 1430") << tpl << QByteArray("2025,8,15,1430,A,")
                                  << QStringLiteral("2025-08-15T14:30") << QString();
    QTest::newRow("time with a dot") << tpl << QByteArray("2025,8,15,14.30,A,")
                                     << QStringLiteral("2025-08-15T14:30") << QString();
    QTest::newRow("seconds with a fraction") << tpl << QByteArray("2025,8,15,14:30:05.250,A,")
                                             << QStringLiteral("2025-08-15T14:30:05") << QString();
    QTest::newRow("year with a thousands separator")
        << tpl << QByteArray("\"1,999\",,,,A,") << QStringLiteral("1999") << QString();
    QTest::newRow("colour keyword background")
        << tpl << QByteArray("2025,,,,A,lightblue") << QStringLiteral("2025")
        << QStringLiteral("timelinejs media\nbackground-color: lightblue");
    QTest::newRow("hex background")
        << tpl << QByteArray("2025,,,,A,#8BB1C4") << QStringLiteral("2025")
        << QStringLiteral("timelinejs media\nbackground-color: #8BB1C4");
    QTest::newRow("image background")
        << tpl << QByteArray("2025,,,,A,https://example.org/b.jpg") << QStringLiteral("2025")
        << QStringLiteral("timelinejs media\nbackground: https://example.org/b.jpg");
    const QByteArray old = "Start Date,End Date,Headline,Tag";
    QTest::newRow("old sheet month/year")
        << old << QByteArray("3/2012,,A,") << QStringLiteral("2012-03") << QString();
    QTest::newRow("old sheet US date and time") << old << QByteArray("1/26/2012 14:30,,A,")
                                                << QStringLiteral("2012-01-26T14:30") << QString();
    QTest::newRow("old sheet ISO with Z")
        << old << QByteArray("2012-01-26T14:30:00Z,2012-01-27,A,")
        << QStringLiteral("2012-01-26T14:30:00/2012-01-27") << QString();
    QTest::newRow("old sheet commas")
        << old << QByteArray("\"2012,1,26\",,A,") << QStringLiteral("2012-01-26") << QString();
}

void TestTimelineJs::sheetCells()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, row);
    QFETCH(QString, edtf);
    QFETCH(QString, locator);
    const CsvTable t = readCsv(header + "\r\n" + row + "\r\n", QStringLiteral("t.csv"));
    QVERIFY(isTimelineJsTable(t));
    const ImportBatch b = readTimelineJsTable(t, QStringLiteral("t.csv"));
    QCOMPARE(b.events.size(), 1);
    QCOMPARE(b.events.at(0).date.edtf(), edtf);
    QCOMPARE(b.citations.value(0).locator, locator);
}

// Headlines and texts are HTML in TimelineJS and plain text in Chronomap.
void TestTimelineJs::htmlText_data()
{
    QTest::addColumn<QString>("text"); // in the story
    QTest::addColumn<QString>("html"); // in TimelineJS
    QTest::newRow("plain") << QStringLiteral("Talks, in Miami")
                           << QStringLiteral("Talks, in Miami");
    QTest::newRow("line breaks") << QStringLiteral("One\n\nTwo")
                                 << QStringLiteral("One<br><br>Two");
    QTest::newRow("characters HTML would take")
        << QStringLiteral("A < B & \"C\" > D") << QStringLiteral("A &lt; B &amp; \"C\" &gt; D");
    QTest::newRow("a tag typed as text")
        << QStringLiteral("use <p> or <br>") << QStringLiteral("use &lt;p&gt; or &lt;br&gt;");
    QTest::newRow("a reference typed as text")
        << QStringLiteral("AT&amp;T") << QStringLiteral("AT&amp;amp;T");
    QTest::newRow("links stay HTML")
        << QStringLiteral("<p>See <a href=\"https://example.org\">the plan</a> &amp; more</p>")
        << QStringLiteral("<p>See <a href=\"https://example.org\">the plan</a> &amp; more</p>");
}

void TestTimelineJs::htmlText()
{
    QFETCH(QString, text);
    QFETCH(QString, html);
    QCOMPARE(timelineJsHtml(text), html);
    QCOMPARE(textFromTimelineJsHtml(html), text);
    // What TimelineJS sheets hold: paragraphs, <br/> and references become text.
    QCOMPARE(textFromTimelineJsHtml(
                 QStringLiteral("<p>One &ndash; 1</p>\n<P class=\"x\">Two<BR/>2</p>")),
             QStringLiteral("One \u2013 1\n\nTwo\n2"));
}

// A new story ("Untitled story") takes the title slide; a story with its own title keeps it.
void TestTimelineJs::titleGoesToUntitledStory()
{
    const ImportBatch b = readTimelineJsJson(kJson, QStringLiteral("t.json"));
    auto fresh = m_stories.create();
    fresh->setMeta(QStringLiteral("title"), QStringLiteral("Untitled story"));
    const ImportSummary done = applyImport(*fresh, b, QStringLiteral("t.json"));
    QVERIFY(done.titleSet);
    QCOMPARE(fresh->meta(QStringLiteral("title")), QStringLiteral("The peace plan"));
    QCOMPARE(fresh->meta(QStringLiteral("description")), QStringLiteral("How it came about"));
    auto titled = m_stories.create();
    titled->setMeta(QStringLiteral("title"), QStringLiteral("Our own"));
    QVERIFY(!applyImport(*titled, b, QStringLiteral("t.json")).titleSet);
    QCOMPARE(titled->meta(QStringLiteral("title")), QStringLiteral("Our own"));
}

// The title slide's picture, credit and background come back in both of TimelineJS's forms.
void TestTimelineJs::titleSlideMediaSurvives()
{
    const QByteArray json = R"({"title": {"text": {"headline": "The plan"},
        "media": {"url": "https://example.org/cover.jpg", "credit": "Reuters", "caption": "Geneva"},
        "background": {"color": "#8BB1C4"}},
      "events": [{"start_date": {"year": "2025"}, "text": {"headline": "A"}}]})";
    auto a = m_stories.create();
    applyImport(*a, readTimelineJsJson(json, QStringLiteral("t.json")), QStringLiteral("t.json"));
    const QJsonObject title = QJsonDocument::fromJson(writeTimelineJsJson(*a))
                                  .object()
                                  .value(QStringLiteral("title"))
                                  .toObject();
    QCOMPARE(
        title.value(QStringLiteral("media")).toObject().value(QStringLiteral("credit")).toString(),
        QStringLiteral("Reuters"));
    QCOMPARE(title.value(QStringLiteral("background"))
                 .toObject()
                 .value(QStringLiteral("color"))
                 .toString(),
             QStringLiteral("#8BB1C4"));
    const QByteArray sheet = writeTimelineJsCsv(*a);
    QVERIFY(sheet.contains(
        ",The plan,,https://example.org/cover.jpg,Reuters,Geneva,,,title,,#8BB1C4\r\n"));
    auto b = m_stories.create();
    applyImport(
        *b, readTimelineJsTable(readCsv(sheet, QStringLiteral("s.csv")), QStringLiteral("s.csv")),
        QStringLiteral("s.csv"));
    QCOMPARE(writeTimelineJsJson(*b), writeTimelineJsJson(*a));
}

// TimelineJS drops an end date that agrees with every field its start gives (its
// TL.TimelineConfig._processDates) and then refuses the whole timeline: "All eras must have
// start and end dates". Every era we write must keep an end that differs.
void TestTimelineJs::erasTimelineJsKeeps_data()
{
    QTest::addColumn<QString>("era");
    QTest::addColumn<QString>("start"); // year-month-day-hour-minute as written, "-" for absent
    QTest::addColumn<QString>("end");
    QTest::newRow("one month") << QStringLiteral("2025-01") << QStringLiteral("2025 1")
                               << QStringLiteral("2025 2");
    QTest::newRow("one year") << QStringLiteral("2025") << QStringLiteral("2025")
                              << QStringLiteral("2026");
    QTest::newRow("last day of the year")
        << QStringLiteral("2025-12-31") << QStringLiteral("2025 12 31")
        << QStringLiteral("2026 1 1");
    QTest::newRow("a minute") << QStringLiteral("2025-08-15T23:59")
                              << QStringLiteral("2025 8 15 23 59")
                              << QStringLiteral("2025 8 16 0 0");
    QTest::newRow("end finer than start")
        << QStringLiteral("2025/2025-06") << QStringLiteral("2025 1") << QStringLiteral("2025 6");
    QTest::newRow("a range as it is")
        << QStringLiteral("2025-01-20/2025-12-31") << QStringLiteral("2025 1 20")
        << QStringLiteral("2025 12 31");
}

void TestTimelineJs::erasTimelineJsKeeps()
{
    QFETCH(QString, era);
    QFETCH(QString, start);
    QFETCH(QString, end);
    auto s = m_stories.create();
    s->insertEra(Era{0, QStringLiteral("Era"), PartialDate::fromEdtf(era), QColor()});
    Event e;
    e.title = QStringLiteral("One");
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-03"));
    s->insertEvent(e);
    const QJsonObject o = QJsonDocument::fromJson(writeTimelineJsJson(*s))
                              .object()
                              .value(QStringLiteral("eras"))
                              .toArray()
                              .at(0)
                              .toObject();
    auto fields = [](const QJsonObject& d) {
        QStringList out;
        for (const char* k : {"year", "month", "day", "hour", "minute"})
            if (d.contains(QLatin1String(k)))
                out << d.value(QLatin1String(k)).toString();
        return out.join(u' ');
    };
    const QJsonObject sd = o.value(QStringLiteral("start_date")).toObject(),
                      ed = o.value(QStringLiteral("end_date")).toObject();
    QCOMPARE(fields(sd), start);
    QCOMPARE(fields(ed), end);
    bool same = true;
    for (auto it = sd.begin(); it != sd.end(); ++it)
        same = same && ed.value(it.key()) == it.value();
    QVERIFY2(!same, "TimelineJS would drop this era's end");
    // The sheet says the same.
    const CsvTable t = readCsv(writeTimelineJsCsv(*s), QStringLiteral("s.csv"));
    const qsizetype row = t.rows.size() - 1;
    QCOMPARE(t.cell(row, t.column(QStringLiteral("Type"))), QStringLiteral("era"));
    QCOMPARE(t.cell(row, t.column(QStringLiteral("End Year"))),
             ed.value(QStringLiteral("year")).toString());
    QCOMPARE(t.cell(row, t.column(QStringLiteral("End Month"))),
             ed.value(QStringLiteral("month")).toString());
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

// TimelineJS's cosmological template: years of billions (EDTF "Y" years) import, sort and go
// back out as the years they were; a title slide with text and media but no headline keeps
// both; <p> paragraphs stay paragraphs.
void TestTimelineJs::deepTimeAndTitleWithoutHeadline()
{
    const QByteArray json = R"({
      "title": {"text": {"text": "<p>A universe.</p><p>Briefly.</p>"}, "media": {"url": "https://example.org/u.jpg"}},
      "events": [
        {"start_date": {"year": "-13800000000"}, "text": {"headline": "Big Bang"}, "unique_id": "bang"},
        {"start_date": {"year": "-4540000000"}, "end_date": {"year": "-4000000000"}, "text": {"headline": "Earth"}},
        {"start_date": {"year": "1969", "month": "7", "day": "20"}, "text": {"headline": "Moon"}}
      ]})";
    const ImportBatch b = readTimelineJsJson(json, QStringLiteral("cosmo.json"));
    QCOMPARE(b.events.size(), 3);
    QCOMPARE(b.events.at(0).date.edtf(), QStringLiteral("Y-13800000000"));
    QCOMPARE(b.events.at(1).date.edtf(), QStringLiteral("Y-4540000000/Y-4000000000"));
    QVERIFY(b.events.at(0).date.earliest() < b.events.at(1).date.earliest());
    QVERIFY(b.events.at(1).date.latest() < b.events.at(2).date.earliest());
    QCOMPARE(b.title, QString());
    QCOMPARE(b.description, QStringLiteral("A universe.\n\nBriefly."));
    auto s = m_stories.create();
    applyImport(*s, b, QStringLiteral("cosmo.json"));
    QCOMPARE(s->counts().events, 3);
    QCOMPARE(s->meta(QStringLiteral("description")), QStringLiteral("A universe.\n\nBriefly."));
    const QJsonObject out = QJsonDocument::fromJson(writeTimelineJsJson(*s)).object();
    QVERIFY(out.value(QStringLiteral("title")).toObject().value(QStringLiteral("text"))
                .toObject()
                .value(QStringLiteral("text"))
                .toString()
                .contains(QStringLiteral("A universe.")));
    QCOMPARE(out.value(QStringLiteral("title"))
                 .toObject()
                 .value(QStringLiteral("media"))
                 .toObject()
                 .value(QStringLiteral("url"))
                 .toString(),
             QStringLiteral("https://example.org/u.jpg"));
    QStringList years;
    for (const QJsonValue& e : out.value(QStringLiteral("events")).toArray())
        years << e.toObject()
                     .value(QStringLiteral("start_date"))
                     .toObject()
                     .value(QStringLiteral("year"))
                     .toVariant()
                     .toString();
    QVERIFY2(years.contains(QStringLiteral("-13800000000")), qPrintable(years.join(u' ')));
    const ImportBatch back = readTimelineJsJson(writeTimelineJsJson(*s), QStringLiteral("b.json"));
    QCOMPARE(back.events.size(), 3);
}

void TestTimelineJs::olderFormatsAreNamed()
{
    for (const auto& [json, words] :
         {std::pair{QByteArray(R"({"timeline": {"headline": "x", "date": [{"startDate": "2012,1,1"}]}})"),
                    QStringLiteral("TimelineJS 2")},
          std::pair{QByteArray(R"({"timeline": {"slides": [{"start_date": {"year": "1888"}}]}})"),
                    QStringLiteral("pre-release")}}) {
        try {
            readTimelineJsJson(json, QStringLiteral("old.json"));
            QFAIL("an older format was read as TimelineJS 3");
        } catch (const StoreError& e) {
            QVERIFY2(e.message().contains(words), qPrintable(e.message()));
            QVERIFY(e.message().contains(QStringLiteral("older")));
        }
    }
}

void TestTimelineJs::readsRealWorldFiles_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = test::realWorldFiles(QStringLiteral("timelinejs"));
    if (files.isEmpty())
        QSKIP("../shared/realworld is absent");
    for (const QString& f : files)
        QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
}

// Every TimelineJS file of Knight Lab's own reads whole (one event a slide), or, in an older
// format, is refused naming it.
void TestTimelineJs::readsRealWorldFiles()
{
    QFETCH(QString, path);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    if (root.contains(QStringLiteral("timeline"))) {
        QVERIFY_THROWS_EXCEPTION(StoreError, readTimelineJsJson(bytes, path));
        return;
    }
    const ImportBatch b = readTimelineJsJson(bytes, path);
    QCOMPARE(b.events.size(), root.value(QStringLiteral("events")).toArray().size());
    QCOMPARE(b.eras.size(), root.value(QStringLiteral("eras")).toArray().size());
    auto s = m_stories.create();
    applyImport(*s, b, path);
    // Its own export reads back with every slide.
    const ImportBatch back = readTimelineJsJson(writeTimelineJsJson(*s), path);
    QCOMPARE(back.events.size(), b.events.size());
}

QTEST_GUILESS_MAIN(TestTimelineJs)
#include "tst_timelinejs.moc"
