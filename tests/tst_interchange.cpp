#include "interchangetest.h"

#include "interchange/interchange.h"

#include <QTest>

using namespace chronomap;

// The import and export door: formats told from names and content, sizes refused before
// reading, one transaction per import (an error or a cancel changes nothing), merging into a
// story with actors matched by name, exports written safely.
class TestInterchange : public QObject
{
    Q_OBJECT

private slots:
    void reimportUpdatesInPlace();
    void guessesFormats_data();
    void guessesFormats();
    void refusesHugeFileWithoutReadingIt();
    void refusedImportsChangeNothing_data();
    void refusedImportsChangeNothing();
    void cancelChangesNothing_data();
    void cancelChangesNothing();
    void mergesIntoStory();
    void largeImportIntoStoryIsWholeOrNothing();
    void chronomapJsonThroughTheDoor();
    void chronomapJsonPreviewAndCancel();
    void timelineJsSheetWhateverTheName();
    void failedExportKeepsOldFile();
    void timedValuesRoundTrip_data();
    void timedValuesRoundTrip();

private:
    test::Stories m_stories;
};

void TestInterchange::guessesFormats_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("format");
    QTest::newRow("csv") << QStringLiteral("a.csv") << QByteArray("x,y") << QStringLiteral("csv");
    QTest::newRow("gexf") << QStringLiteral("a.gexf") << QByteArray() << QStringLiteral("gexf");
    QTest::newRow("graphml") << QStringLiteral("a.graphml") << QByteArray()
                             << QStringLiteral("graphml");
    QTest::newRow("chronomap json")
        << QStringLiteral("a.json") << QByteArray("{\"format\": \"chronomap\"")
        << QStringLiteral("chronomap");
    QTest::newRow("timelinejs json") << QStringLiteral("a.json") << QByteArray("{\"events\": []}")
                                     << QStringLiteral("timelinejs");
    QTest::newRow("xml by content")
        << QStringLiteral("a.xml") << QByteArray("<?xml version=\"1.0\"?><gexf")
        << QStringLiteral("gexf");
    QTest::newRow("graphml by content")
        << QStringLiteral("noext") << QByteArray("<?xml version=\"1.0\"?>\n<graphml>")
        << QStringLiteral("graphml");
    QTest::newRow("unknown") << QStringLiteral("a.bin") << QByteArray("\x01\x02") << QString();
}

void TestInterchange::guessesFormats()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, head);
    QFETCH(QString, format);
    QCOMPARE(guessImportFormat(name, head), format);
}

void TestInterchange::refusesHugeFileWithoutReadingIt()
{
    // A sparse file that claims 2 GB: refused from its size, never read.
    const QString path = m_stories.path(QStringLiteral("huge.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize(qint64(2) << 30));
    f.close();
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QByteArray before = writeStoryJson(*s);
    try {
        applyParsedImport(*s, parseImport(path));
        QFAIL("a 2 GB file was accepted");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().startsWith(path + QStringLiteral(": the file is 2048 MiB")),
                 qPrintable(e.message()));
    }
    QCOMPARE(writeStoryJson(*s), before);
}

void TestInterchange::refusedImportsChangeNothing_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("deep chronomap json")
        << QStringLiteral("deep.json")
        << QByteArray("{\"format\": \"chronomap\", \"x\": ") + QByteArray(10000, '[') +
               QByteArray(10000, ']') + "}"
        << QStringLiteral("deep.json:1:");
    QTest::newRow("deep timelinejs")
        << QStringLiteral("deep2.json") << QByteArray("{\"events\": ") + QByteArray(10000, '[')
        << QStringLiteral("nested deeper than 64 levels");
    QTest::newRow("late bad row") << QStringLiteral("late.csv")
                                  << QByteArray("title,date\nA,2025\nB,2025\nC,nope\n")
                                  << QStringLiteral("late.csv:4:2:");
    QTest::newRow("invalid utf-8 sheet")
        << QStringLiteral("latin1.csv") << QByteArray("Year,Headline\n2025,Caf\xE9\n")
        << QStringLiteral("latin1.csv:2:9: expected UTF-8 text");
    QTest::newRow("unknown format") << QStringLiteral("x.bin") << QByteArray("\x01\x02")
                                    << QStringLiteral("cannot tell the format");
    QTest::newRow("empty") << QStringLiteral("empty.csv") << QByteArray()
                           << QStringLiteral("the file is empty");
}

void TestInterchange::refusedImportsChangeNothing()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const QString path = m_stories.write(name, bytes);
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QByteArray before = writeStoryJson(*s);
    try {
        applyParsedImport(*s, parseImport(path));
        QFAIL("the file was accepted");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
    }
    QCOMPARE(writeStoryJson(*s), before);
}

void TestInterchange::cancelChangesNothing_data()
{
    QTest::addColumn<bool>("emptyStory");
    QTest::newRow("into a story with events (bulk)") << false;
    QTest::newRow("into an empty story (bulk)") << true;
}

void TestInterchange::cancelChangesNothing()
{
    QFETCH(bool, emptyStory);
    QByteArray csv = "title,date,actors\n";
    for (int i = 0; i < 5000; ++i)
        csv += "Event " + QByteArray::number(i) + ",2025-10-" + QByteArray::number(10 + i % 20) +
               ",Actor " + QByteArray::number(i % 7) + "\n";
    const QString path = m_stories.write(QStringLiteral("many%1.csv").arg(emptyStory), csv);
    auto s = m_stories.create();
    if (!emptyStory)
        test::fillGraphStory(*s);
    const QByteArray before = writeStoryJson(*s);
    const ParsedImport parsed = parseImport(path);
    QCOMPARE(parsed.batch.events.size(), 5000);
    int calls = 0;
    try {
        applyParsedImport(*s, parsed, [&calls](double share) {
            ++calls;
            return share < 0.5;
        });
        QFAIL("the cancelled import finished");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(QStringLiteral("cancelled; nothing was changed")),
                 qPrintable(e.message()));
    }
    QVERIFY(calls > 1);
    QCOMPARE(writeStoryJson(*s), before);
    // Not cancelled: all of it.
    const ImportSummary done = applyParsedImport(*s, parsed, [](double) { return true; });
    QCOMPARE(done.newEvents, 5000);
    QCOMPARE(s->counts().events, 5000 + (emptyStory ? 0 : 3));
}

void TestInterchange::mergesIntoStory()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QString path = m_stories.write(QStringLiteral("merge.csv"),
                                         "title,date,actors,category\nFollow-up,2025-11,steve "
                                         "witkoff (envoy); New Person,diplomacy\n");
    const ParsedImport parsed = parseImport(path);
    const ImportSummary preview = previewParsedImport(*s, parsed);
    QCOMPARE(preview.newEvents, 1);
    QCOMPARE(preview.newActors, 1);
    QCOMPARE(preview.matchedActors, 1);
    QCOMPARE(preview.newCategories, 0);
    applyParsedImport(*s, parsed);
    QCOMPARE(s->actors().size(), 4);
    const QList<Event> events = s->events();
    const Event follow = events.last();
    QCOMPARE(follow.title, QStringLiteral("Follow-up"));
    QCOMPARE(s->actor(follow.actors.at(0).actorId)->name, QStringLiteral("Steve Witkoff"));
    QCOMPARE(follow.actors.at(0).role, QStringLiteral("envoy"));
    QCOMPARE(s->categories().size(), 1);
    QCOMPARE(follow.categoryId, s->categories().at(0).id);
}

// A large batch into a story that has events takes the bulk path inside the import's one
// transaction: a bad event at the very end changes nothing; without it, every event lands
// with its actors (matched by name), tags, citation and search entry.
void TestInterchange::largeImportIntoStoryIsWholeOrNothing()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QByteArray before = writeStoryJson(*s);
    const Id witkoffId = s->actors().at(0).id; // "Steve Witkoff"
    const qsizetype witkoffEvents = s->eventIdsOfActor(witkoffId).size();
    ImportBatch batch;
    Actor witkoff;
    witkoff.name = QStringLiteral("  STEVE witkoff ");
    batch.actors << witkoff;
    for (int i = 0; i < 3000; ++i) {
        Event e;
        e.title = QStringLiteral("Imported %1").arg(i);
        e.date = PartialDate::fromEdtf(
            QStringLiteral("2024-%1").arg(1 + i % 12, 2, 10, QLatin1Char('0')));
        e.tags = {QStringLiteral("tag%1").arg(i % 3)};
        e.actors = {Participation{1, QStringLiteral("envoy")}};
        batch.events << e;
    }
    batch.sources << Source{0, QStringLiteral("Wire copy"), {}, {}, {}, {}, {}};
    batch.citations << Citation{0, 1, EntityRef{EntityKind::Event, 2999}, {}, {}};
    ImportBatch bad = batch;
    bad.events.last().date = PartialDate(); // no date: refused by the store, at the very end
    QVERIFY_THROWS_EXCEPTION(StoreError, applyImport(*s, bad, QStringLiteral("bad.csv")));
    QCOMPARE(writeStoryJson(*s), before);

    const ImportSummary done = applyImport(*s, batch, QStringLiteral("good.csv"));
    QCOMPARE(done.newEvents, 3000);
    QCOMPARE(done.matchedActors, 1);
    QCOMPARE(s->counts().events, 3003);
    QCOMPARE(s->actors().size(), 3);
    QCOMPARE(s->actors().at(0).name, QStringLiteral("Steve Witkoff"));
    QCOMPARE(s->eventIdsOfActor(witkoffId).size(), witkoffEvents + 3000);
    const QList<Citation> citations = s->citations();
    QCOMPARE(citations.size(), 1);
    const std::optional<Event> cited = s->event(citations.at(0).target.id);
    QVERIFY(cited.has_value());
    QCOMPARE(cited->title, QStringLiteral("Imported 2998"));
    QCOMPARE(cited->tags, QStringList{QStringLiteral("tag1")});
    QCOMPARE(cited->actors.value(0).role, QStringLiteral("envoy"));
    const QList<SearchHit> hits = s->search(QStringLiteral("Imported 1234"));
    QVERIFY(!hits.isEmpty());
}

void TestInterchange::chronomapJsonThroughTheDoor()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QString out = m_stories.path(QStringLiteral("story.json"));
    exportData(*s, QString(), out);
    auto t = m_stories.create();
    const ImportSummary done = applyParsedImport(*t, parseImport(out));
    QCOMPARE(done.newEvents, 3);
    QCOMPARE(writeStoryJson(*t), writeStoryJson(*s));
}

// The preview of a Chronomap JSON file shows its rows and what the import will do, and refuses
// a broken file before Import is offered; a cancel changes nothing.
void TestInterchange::chronomapJsonPreviewAndCancel()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QString out = m_stories.path(QStringLiteral("preview.json"));
    exportData(*s, QStringLiteral("chronomap"), out);

    auto t = m_stories.create();
    test::fillGraphStory(*t); // the same story again: its actors and lane are matched
    const ParsedImport parsed = parseImportForPreview(out);
    QCOMPARE(parsed.format, QStringLiteral("chronomap"));
    QCOMPARE(parsed.batch.events.size(), 3);
    QCOMPARE(parsed.batch.events.at(0).title, QStringLiteral("Miami talks"));
    QCOMPARE(
        parsed.batch.actors.value(int(parsed.batch.events.at(0).actors.at(0).actorId) - 1).name,
        QStringLiteral("Steve Witkoff"));
    const ImportSummary preview = previewParsedImport(*t, parsed);
    QCOMPARE(
        preview.text(),
        QStringLiteral("3 events, 0 new actors, 3 actors matched by name, 3 relations, 1 era"));

    const QByteArray before = writeStoryJson(*t);
    int calls = 0;
    QVERIFY_THROWS_EXCEPTION(StoreError, applyParsedImport(*t, parsed, [&calls](double) {
                                 ++calls;
                                 return false;
                             }));
    QVERIFY(calls > 0);
    QCOMPARE(writeStoryJson(*t), before);
    const ImportSummary done = applyParsedImport(*t, parsed);
    QCOMPARE(done.text(), preview.text());

    auto fresh = m_stories.create();
    const ImportSummary into = previewParsedImport(*fresh, parsed);
    QCOMPARE(into.newActors, 3);
    QVERIFY(into.titleSet);
    QCOMPARE(applyParsedImport(*fresh, parsed).text(), into.text());

    const QString bad = m_stories.write(
        QStringLiteral("bad-preview.json"),
        "{\"format\": \"chronomap\", \"version\": 1,\n\"events\": [{\"id\": 1, \"title\": \"A\", "
        "\"date\": \"2025-13\"}]}");
    try {
        parseImportForPreview(bad);
        QFAIL("a broken file was offered for import");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().startsWith(bad + QStringLiteral(":2:")), qPrintable(e.message()));
    }
}

// The window's "TimelineJS Spreadsheet" writes the sheet even through a temporary name.
void TestInterchange::timelineJsSheetWhateverTheName()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    QVERIFY(exportBytes(*s, QStringLiteral("timelinejs-csv"), QStringLiteral(".x.csv.partial-1"))
                .startsWith("\xEF\xBB\xBFYear,Month,"));
    QVERIFY(exportBytes(*s, QStringLiteral("timelinejs"), QStringLiteral("x.csv"))
                .startsWith("\xEF\xBB\xBFYear,Month,"));
    QVERIFY(
        exportBytes(*s, QStringLiteral("timelinejs"), QStringLiteral("x.json")).startsWith("{"));
}

void TestInterchange::failedExportKeepsOldFile()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QString out = m_stories.write(QStringLiteral("keep.gexf"), "old content");
    try {
        exportData(*s, QStringLiteral("no-such-format"), out);
        QFAIL("an unknown format was written");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(QStringLiteral("unknown export format")),
                 qPrintable(e.message()));
    }
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("old content"));
    // A directory that does not exist: refused with the name.
    try {
        exportData(*s, QStringLiteral("gexf"),
                   m_stories.path(QStringLiteral("no/such/dir/x.gexf")));
        QFAIL("wrote into a missing directory");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(QStringLiteral("cannot write the file")),
                 qPrintable(e.message()));
    }
}

// A re-import of the same file adds nothing; of an updated file updates what changed, adds what
// is new, leaves the rest, reports what the file no longer holds without deleting it, and keeps
// the user's edit where the file changed the same entry (listed as a conflict, in the preview
// too). Two nodes that share a label stay two actors throughout.
void TestInterchange::reimportUpdatesInPlace()
{
    auto s = m_stories.create();
    if (s->schemaVersion() < 2)
        QSKIP("origins come with story format 2");
    auto gexf = [](const QString& nodes, const QString& edges) {
        return QStringLiteral("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph "
                              "defaultedgetype=\"directed\"><attributes class=\"node\"><attribute "
                              "id=\"m\" title=\"Modularity Class\" type=\"integer\"/></attributes>"
                              "<nodes>%1</nodes><edges>%2</edges></graph></gexf>")
            .arg(nodes, edges)
            .toUtf8();
    };
    const QString a = QStringLiteral("<node id=\"a\" label=\"International\"/>");
    const QString b = QStringLiteral("<node id=\"b\" label=\"International\"/>");
    const QString c = QStringLiteral("<node id=\"c\" label=\"Erie\"/>");
    const QString ab = QStringLiteral("<edge id=\"e1\" source=\"a\" target=\"b\"/>");
    const QString bc = QStringLiteral("<edge id=\"e2\" source=\"b\" target=\"c\"/>");
    const QString v1 = m_stories.write(QStringLiteral("v1.gexf"), gexf(a + b + c, ab + bc));
    ImportSummary first = applyParsedImport(*s, parseImport(v1));
    QCOMPARE(first.newActors, 3);
    QCOMPARE(s->counts().actors, 3);

    // The same file again: nothing added, everything unchanged.
    const ImportSummary again = applyParsedImport(*s, parseImport(v1));
    QCOMPARE(again.newActors + again.newRelations, 0);
    QCOMPARE(again.unchanged, 5);
    QCOMPARE(s->counts().actors, 3);
    QCOMPARE(s->counts().relations, 2);

    // The user renames Erie; the file renames it too (a conflict: the user's name stays) and
    // gives node b a class (an update), adds d, and no longer holds edge e2.
    Actor erie;
    for (const Actor& x : s->actors())
        if (x.name == QLatin1String("Erie"))
            erie = x;
    erie.name = QStringLiteral("Erie, PA");
    s->updateActor(erie);
    const QString b2 = QStringLiteral("<node id=\"b\" label=\"International\"><attvalues>"
                                      "<attvalue for=\"m\" value=\"4\"/></attvalues></node>");
    const QString c2 = QStringLiteral("<node id=\"c\" label=\"Erie County\"/>");
    const QString d = QStringLiteral("<node id=\"d\" label=\"Minot\"/>");
    const QString v2 = m_stories.write(QStringLiteral("v2.gexf"), gexf(a + b2 + c2 + d, ab));
    const ParsedImport parsed = parseImport(v2);
    const ImportSummary preview = previewParsedImport(*s, parsed);
    QCOMPARE(preview.conflicts.size(), 1);
    QVERIFY(preview.text().contains(QStringLiteral("Erie, PA")));
    const ImportSummary done = applyParsedImport(*s, parsed);
    QCOMPARE(done.newActors, 1);
    QCOMPARE(done.updated, 1);
    QCOMPARE(done.unchanged, 3); // a, the conflicting c (kept), e1
    QCOMPARE(done.noLongerInFile, 1);
    QCOMPARE(done.conflicts.size(), 1);
    QCOMPARE(s->counts().actors, 4);
    QCOMPARE(s->counts().relations, 2); // e2 is reported, not deleted
    QCOMPARE(s->actor(erie.id)->name, QStringLiteral("Erie, PA"));
    int internationals = 0;
    for (const Actor& x : s->actors())
        if (x.name == QLatin1String("International")) {
            ++internationals;
            if (!x.attributes.isEmpty())
                QVERIFY(x.attributes.first() ==
                        (Attribute{QStringLiteral("Modularity Class"), AttributeType::Integer,
                                   QStringLiteral("4")}));
        }
    QCOMPARE(internationals, 2);
}

void TestInterchange::timedValuesRoundTrip_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("suffix");
    // Graphs carry actors and relations; each spreadsheet the entries it has a row for.
    QTest::newRow("gexf") << QStringLiteral("gexf") << QStringLiteral("gexf");
    QTest::newRow("graphml") << QStringLiteral("graphml") << QStringLiteral("graphml");
    QTest::newRow("nodes csv") << QStringLiteral("nodes-csv") << QStringLiteral("csv");
    QTest::newRow("edges csv") << QStringLiteral("edges-csv") << QStringLiteral("csv");
    QTest::newRow("events csv") << QStringLiteral("events-csv") << QStringLiteral("csv");
}

// An actor's validity, a relation's bounds and timed attribute values leave in a file and come
// back as they were, field by field: timed values are never left out or flattened.
void TestInterchange::timedValuesRoundTrip()
{
    QFETCH(QString, format);
    QFETCH(QString, suffix);
    auto s = m_stories.create();
    test::fillTimedStory(*s);
    const QString path = m_stories.path(QStringLiteral("timed-%1.%2").arg(format, suffix));
    QCOMPARE(exportData(*s, format, path), QString());
    auto t = m_stories.create();
    applyParsedImport(*t, parseImport(path, format));
    if (format == QLatin1String("gexf") || format == QLatin1String("graphml")) {
        test::compareTimes(*s, *t);
    } else if (format == QLatin1String("nodes-csv")) {
        const QList<Actor> a = s->actors(), b = t->actors();
        QCOMPARE(b.size(), a.size());
        for (qsizetype i = 0; i < a.size(); ++i)
            test::compareAttributes(a.at(i).attributes, b.at(i).attributes, a.at(i).name);
    } else if (format == QLatin1String("edges-csv")) {
        const QList<Relation> a = s->relations(), b = t->relations();
        QCOMPARE(b.size(), a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(b.at(i).valid.edtf(), a.at(i).valid.edtf());
            test::compareAttributes(a.at(i).attributes, b.at(i).attributes, a.at(i).type);
        }
    } else {
        const QList<Event> a = s->events(), b = t->events();
        QCOMPARE(b.size(), a.size());
        for (qsizetype i = 0; i < a.size(); ++i)
            test::compareAttributes(a.at(i).attributes, b.at(i).attributes, a.at(i).title);
    }
}

QTEST_GUILESS_MAIN(TestInterchange)
#include "tst_interchange.moc"
