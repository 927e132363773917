// What a newsroom publishes: hostile markup carried in by any import format, or typed into any
// field, leaves nothing live in the TimelineJS JSON and sheet exports (issue 16 §3). Every
// string of the output is checked by test::liveMarkup / test::liveUrl, and the text around the
// markup still arrives.
#include "interchange/csvreader.h"
#include "interchange/interchange.h"
#include "interchange/timelinejs.h"

#include "interchangetest.h"
#include "webcheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chronomap;

namespace {

// Markup that runs, loads or restyles, around a word that must survive.
QString hostile(const QString& word)
{
    return QStringLiteral("<img src=\"/dev/zero\" onerror=\"alert(1)\"><script>alert(2)</script>"
                          "<a href=\"javascript:alert(3)\">%1</a><svg onload=alert(4)>x</svg>"
                          "<style>*{display:none}</style><iframe src=\"javascript:alert(5)\">"
                          "</iframe><b onmouseover=alert(6)>&lt;b&gt;</b>")
        .arg(word);
}

QStringList ws(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* w : list)
        out << QString::fromLatin1(w);
    return out;
}

const QStringList kHostileUrls{QStringLiteral("javascript:alert(1)"),
                               QStringLiteral(" JaVaScRiPt:alert(1)"),
                               QStringLiteral("java\tscript:alert(1)"),
                               QStringLiteral("&#106;avascript:alert(1)"),
                               QStringLiteral("data:text/html,<script>alert(1)</script>"),
                               QStringLiteral("<iframe src=//evil.example>"),
                               QStringLiteral("vbscript:x")};

// Every string of a TimelineJS JSON export, with the key it sits under ("media/url").
void collect(const QJsonValue& v, const QString& path, QList<std::pair<QString, QString>>& out)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            collect(it.value(), path.section(u'/', -1) + u'/' + it.key(), out);
    } else if (v.isArray()) {
        for (const QJsonValue& e : v.toArray())
            collect(e, path, out);
    } else if (v.isString()) {
        out.append({path, v.toString()});
    }
}

// Why a value under `key` is live, or empty.
QString liveField(const QString& key, const QString& value)
{
    const QString last = key.section(u'/', -1);
    if (last == QLatin1String("url") || last == QLatin1String("thumbnail") ||
        last == QLatin1String("link") || key == QLatin1String("Media") ||
        key == QLatin1String("Media Thumbnail"))
        return test::liveUrl(value);
    if (last == QLatin1String("color") || key == QLatin1String("Background")) {
        if (value.contains(u';') || value.contains(u'(') || value.contains(u'"'))
            return QStringLiteral("a colour that is more than a colour: ") + value;
        return test::liveUrl(value);
    }
    return test::liveMarkup(value);
}

} // namespace

class TestWebExport : public QObject
{
    Q_OBJECT

private slots:
    void storyFieldsLeaveNothingLive();
    void everyImportFormatLeavesNothingLive_data();
    void everyImportFormatLeavesNothingLive();
    void harmlessFormattingSurvives();

private:
    // A story with hostile markup in every field the TimelineJS exports carry.
    std::unique_ptr<Store> hostileStory();
    // Checks both exports of `store`; `words` must still be found in the JSON.
    void checkExports(const Store& store, const QStringList& words);

    test::Stories m_stories;
};

std::unique_ptr<Store> TestWebExport::hostileStory()
{
    auto s = m_stories.create();
    s->setMeta(QStringLiteral("title"), hostile(QStringLiteral("STORYTITLE")));
    s->setMeta(QStringLiteral("description"), hostile(QStringLiteral("STORYTEXT")));
    s->setMeta(timelineJsTitleMediaKey(),
               QStringLiteral("url: %1\nthumbnail: %2\nlink: %3\nbackground: %4\n"
                              "background-color: red;background:url(javascript:alert(1))\n"
                              "caption: %5\ncredit: %6\nalt: %7\ntitle: %8")
                   .arg(kHostileUrls[0], kHostileUrls[1], kHostileUrls[2], kHostileUrls[3],
                        hostile(QStringLiteral("TCAPTION")), hostile(QStringLiteral("TCREDIT")),
                        hostile(QStringLiteral("TALT")), hostile(QStringLiteral("TMTITLE"))));
    const Id category =
        s->insertCategory(Category{0, hostile(QStringLiteral("GROUP")), QColor(0x0072b2), 0});
    Event e;
    e.title = hostile(QStringLiteral("HEADLINE"));
    e.summary = hostile(QStringLiteral("SUMMARY"));
    e.displayDate = hostile(QStringLiteral("DISPLAY"));
    e.location = hostile(QStringLiteral("LOCATION"));
    e.uid = hostile(QStringLiteral("UID"));
    e.tags = {hostile(QStringLiteral("TAG"))};
    e.categoryId = category;
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-10-24/2025-10-26"));
    const Id event = s->insertEvent(e);
    Source src;
    src.title = hostile(QStringLiteral("SOURCETITLE"));
    src.publisher = hostile(QStringLiteral("CREDIT"));
    src.url = kHostileUrls[4];
    src.text = hostile(QStringLiteral("ALT"));
    const Id source = s->insertSource(src);
    Citation c;
    c.sourceId = source;
    c.target = {EntityKind::Event, event};
    c.quote = hostile(QStringLiteral("CAPTION"));
    c.locator = timelineJsMediaLocator() +
                QStringLiteral("\nthumbnail: %1\nlink: %2\nbackground: %3\n"
                               "background-color: url(javascript:alert(1))\ntitle: %4")
                    .arg(kHostileUrls[5], kHostileUrls[6], kHostileUrls[0],
                         hostile(QStringLiteral("MTITLE")));
    s->insertCitation(c);
    // A second event whose media is only a hostile URL, and one in plain words.
    Event f;
    f.title = QStringLiteral("Plain 3 < 4 & \"quotes\"");
    f.date = PartialDate::fromEdtf(QStringLiteral("2025-11"));
    const Id plain = s->insertEvent(f);
    Source bare;
    bare.title = QStringLiteral("bare");
    bare.url = kHostileUrls[1];
    Citation bc;
    bc.sourceId = s->insertSource(bare);
    bc.target = {EntityKind::Event, plain};
    bc.locator = timelineJsMediaLocator();
    s->insertCitation(bc);
    s->insertEra(Era{0, hostile(QStringLiteral("ERA")),
                     PartialDate::fromEdtf(QStringLiteral("2025-01-20/2025-12-31")), QColor()});
    return s;
}

void TestWebExport::checkExports(const Store& store, const QStringList& words)
{
    const QByteArray json = writeTimelineJsJson(store);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QList<std::pair<QString, QString>> strings;
    collect(doc.object(), QString(), strings);
    QVERIFY(words.isEmpty() || strings.size() > 5);
    for (const auto& [key, value] : std::as_const(strings)) {
        const QString why = liveField(key, value);
        QVERIFY2(why.isEmpty(), qPrintable(key + QStringLiteral(": ") + why));
    }
    for (const QString& word : words)
        QVERIFY2(json.contains(word.toUtf8()), qPrintable(word + QStringLiteral(" was lost")));

    const CsvTable sheet = readCsv(writeTimelineJsCsv(store), QStringLiteral("sheet.csv"));
    QVERIFY(words.isEmpty() || !sheet.rows.isEmpty());
    for (qsizetype r = 0; r < sheet.rows.size(); ++r)
        for (int c = 0; c < sheet.header.size(); ++c) {
            const QString cell = unneutralised(sheet.cell(r, c));
            const QString why = liveField(sheet.header.at(c), cell);
            QVERIFY2(why.isEmpty(), qPrintable(sheet.header.at(c) + QStringLiteral(": ") + why));
        }
}

void TestWebExport::storyFieldsLeaveNothingLive()
{
    auto s = hostileStory();
    checkExports(*s, ws({"STORYTITLE", "STORYTEXT", "HEADLINE", "SUMMARY", "DISPLAY", "GROUP",
                         "CAPTION", "CREDIT", "ERA", "TCAPTION"}));
    // Text that only looks like markup arrives as the text it is.
    const QByteArray json = writeTimelineJsJson(*s);
    QVERIFY(json.contains("Plain 3 &lt; 4 &amp; \\\"quotes\\\""));
}

void TestWebExport::everyImportFormatLeavesNothingLive_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("words");

    // TimelineJS JSON and sheet as a hostile newsroom sheet would hold them.
    QJsonObject media{{QStringLiteral("url"), kHostileUrls[0]},
                      {QStringLiteral("caption"), hostile(QStringLiteral("CAPTION"))},
                      {QStringLiteral("credit"), hostile(QStringLiteral("CREDIT"))},
                      {QStringLiteral("thumbnail"), kHostileUrls[2]},
                      {QStringLiteral("alt"), hostile(QStringLiteral("ALT"))},
                      {QStringLiteral("title"), hostile(QStringLiteral("MTITLE"))},
                      {QStringLiteral("link"), kHostileUrls[3]}};
    QJsonObject background{{QStringLiteral("url"), kHostileUrls[5]},
                           {QStringLiteral("color"), QStringLiteral("red\" onload=\"alert(1)")}};
    QJsonObject text{{QStringLiteral("headline"), hostile(QStringLiteral("HEADLINE"))},
                     {QStringLiteral("text"), hostile(QStringLiteral("SUMMARY"))}};
    QJsonObject event{{QStringLiteral("start_date"),
                       QJsonObject{{QStringLiteral("year"), QStringLiteral("2025")},
                                   {QStringLiteral("month"), QStringLiteral("10")}}},
                      {QStringLiteral("text"), text},
                      {QStringLiteral("display_date"), hostile(QStringLiteral("DISPLAY"))},
                      {QStringLiteral("group"), hostile(QStringLiteral("GROUP"))},
                      {QStringLiteral("unique_id"), hostile(QStringLiteral("UID"))},
                      {QStringLiteral("media"), media},
                      {QStringLiteral("background"), background}};
    QJsonObject title{{QStringLiteral("text"),
                       QJsonObject{{QStringLiteral("headline"), hostile(QStringLiteral("TTL"))},
                                   {QStringLiteral("text"), hostile(QStringLiteral("TTX"))}}},
                      {QStringLiteral("media"), media},
                      {QStringLiteral("background"), background}};
    QJsonObject era{
        {QStringLiteral("start_date"),
         QJsonObject{{QStringLiteral("year"), QStringLiteral("2025")}}},
        {QStringLiteral("end_date"), QJsonObject{{QStringLiteral("year"), QStringLiteral("2026")}}},
        {QStringLiteral("text"),
         QJsonObject{{QStringLiteral("headline"), hostile(QStringLiteral("ERA"))}}}};
    const QJsonObject tl{{QStringLiteral("title"), title},
                         {QStringLiteral("events"), QJsonArray{event}},
                         {QStringLiteral("eras"), QJsonArray{era}}};
    QTest::newRow("TimelineJS JSON")
        << QStringLiteral("timelinejs") << QStringLiteral("t.json") << QJsonDocument(tl).toJson()
        << ws({"HEADLINE", "SUMMARY", "DISPLAY", "GROUP", "CAPTION", "CREDIT", "ERA", "TTL",
               "TTX"});

    const QStringList header{QStringLiteral("Year"),
                             QStringLiteral("Month"),
                             QStringLiteral("Day"),
                             QStringLiteral("Time"),
                             QStringLiteral("End Year"),
                             QStringLiteral("End Month"),
                             QStringLiteral("End Day"),
                             QStringLiteral("End Time"),
                             QStringLiteral("Display Date"),
                             QStringLiteral("Headline"),
                             QStringLiteral("Text"),
                             QStringLiteral("Media"),
                             QStringLiteral("Media Credit"),
                             QStringLiteral("Media Caption"),
                             QStringLiteral("Media Thumbnail"),
                             QStringLiteral("Alt Text"),
                             QStringLiteral("Type"),
                             QStringLiteral("Group"),
                             QStringLiteral("Background")};
    QByteArray sheet = csvRow(header, false);
    sheet += csvRow(
        {QString(), QString(), QString(), QString(), QString(), QString(), QString(), QString(),
         QString(), hostile(QStringLiteral("TTL")), hostile(QStringLiteral("TTX")), kHostileUrls[0],
         hostile(QStringLiteral("TCREDIT")), hostile(QStringLiteral("TCAPTION")), kHostileUrls[1],
         hostile(QStringLiteral("TALT")), QStringLiteral("title"), QString(), kHostileUrls[2]},
        false);
    sheet += csvRow({QStringLiteral("2025"), QStringLiteral("10"), QStringLiteral("24"), QString(),
                     QStringLiteral("2025"), QStringLiteral("10"), QStringLiteral("26"), QString(),
                     hostile(QStringLiteral("DISPLAY")), hostile(QStringLiteral("HEADLINE")),
                     hostile(QStringLiteral("SUMMARY")), kHostileUrls[3],
                     hostile(QStringLiteral("CREDIT")), hostile(QStringLiteral("CAPTION")),
                     kHostileUrls[4], hostile(QStringLiteral("ALT")), QString(),
                     hostile(QStringLiteral("GROUP")), QStringLiteral("url(javascript:alert(1))")},
                    false);
    sheet += csvRow({QStringLiteral("2025"), QString(), QString(), QString(),
                     QStringLiteral("2026"), QString(), QString(), QString(), QString(),
                     hostile(QStringLiteral("ERA")), QString(), QString(), QString(), QString(),
                     QString(), QString(), QStringLiteral("era"), QString(), QString()},
                    false);
    QTest::newRow("TimelineJS sheet")
        << QStringLiteral("timelinejs") << QStringLiteral("t.csv") << sheet
        << ws({"HEADLINE", "SUMMARY", "DISPLAY", "GROUP", "CAPTION", "CREDIT", "ERA", "TTL",
               "TTX"});

    // Chronomap's own formats, written from a story with hostile markup in every field (our
    // writers of those formats keep text as it is), then read back.
    auto s = hostileStory();
    const QStringList words = ws({"HEADLINE", "SUMMARY", "DISPLAY", "GROUP", "CAPTION", "ERA"});
    QTest::newRow("Chronomap JSON") << QStringLiteral("json") << QStringLiteral("c.json")
                                    << exportBytes(*s, QStringLiteral("chronomap")) << words;
    QTest::newRow("events CSV") << QStringLiteral("csv") << QStringLiteral("e.csv")
                                << exportBytes(*s, QStringLiteral("events-csv"))
                                << ws({"HEADLINE", "SUMMARY", "DISPLAY", "GROUP"});
    // Graph formats carry actors and relations, which the TimelineJS exports leave out: the
    // story must still export clean.
    Actor a;
    a.name = hostile(QStringLiteral("ACTOR"));
    a.description = hostile(QStringLiteral("ADESC"));
    const Id x = s->insertActor(a);
    a.name = hostile(QStringLiteral("OTHER"));
    const Id y = s->insertActor(a);
    Relation r;
    r.sourceId = x;
    r.targetId = y;
    r.type = hostile(QStringLiteral("REL"));
    r.description = hostile(QStringLiteral("RDESC"));
    s->insertRelation(r);
    QTest::newRow("GEXF") << QStringLiteral("gexf") << QStringLiteral("g.gexf")
                          << exportBytes(*s, QStringLiteral("gexf")) << QStringList{};
    QTest::newRow("GraphML") << QStringLiteral("graphml") << QStringLiteral("g.graphml")
                             << exportBytes(*s, QStringLiteral("graphml")) << QStringList{};
}

void TestWebExport::everyImportFormatLeavesNothingLive()
{
    QFETCH(QString, format);
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, words);
    const QString path = m_stories.write(fileName, bytes);
    QVERIFY(!path.isEmpty());
    const ParsedImport parsed = parseImport(path, format);
    auto s = m_stories.create();
    applyParsedImport(*s, parsed);
    // The import kept the markup as it came (what the window shows as text)...
    if (!words.isEmpty())
        QVERIFY(s->events().size() >= 1);
    // ...and the exports for the web carry nothing of it that is live.
    checkExports(*s, words);
}

// What is harmless stays: paragraphs, emphasis, lists and https links, in text and captions.
void TestWebExport::harmlessFormattingSurvives()
{
    auto s = m_stories.create();
    Event e;
    e.title = QStringLiteral("Talks");
    e.summary = QStringLiteral("<p>See <a href=\"https://example.org/plan\">the plan</a>, "
                               "<i>as drafted</i> and <b>signed</b>.</p><ul><li>one</li></ul>");
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-10"));
    s->insertEvent(e);
    const QJsonObject slide = QJsonDocument::fromJson(writeTimelineJsJson(*s))
                                  .object()
                                  .value(QStringLiteral("events"))
                                  .toArray()
                                  .at(0)
                                  .toObject();
    QCOMPARE(
        slide.value(QStringLiteral("text")).toObject().value(QStringLiteral("text")).toString(),
        e.summary);
}

QTEST_GUILESS_MAIN(TestWebExport)
#include "tst_webexport.moc"
