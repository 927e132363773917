#include "interchange/chronomapjson.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace chronomap;

// Chronomap JSON: lossless both ways, stable bytes, ids kept or remapped, and every broken
// file refused with its name and a line, leaving the story as it was.
class TestChronomapJson : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTripIsByteIdentical();
    void writesFixedLayout();
    void mergeRemapsIds();
    void mergeMatchesActorsByName();
    void acceptsUnknownKeysAndByteOrderMark();
    void malformedIsRefused_data();
    void malformedIsRefused();
    void failedImportLeavesStoreUsable();

private:
    std::unique_ptr<Store> newStore();
    static void fillEverything(Store& s);

    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestChronomapJson::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<Store> TestChronomapJson::newStore()
{
    return Store::open(m_dir.filePath(QStringLiteral("story%1.chronomap").arg(++m_files)),
                       Store::Mode::Create);
}

// A story with every table and every field set, in the awkward text a newsroom meets:
// quotes, backslashes, emoji, right-to-left scripts, new lines, control characters.
void TestChronomapJson::fillEverything(Store& s)
{
    s.setMeta(QStringLiteral("title"),
              QStringLiteral("Talks \"in\" Miami 🕊️ — محادثات"));
    s.setMeta(QStringLiteral("description"),
              QStringLiteral("Line one\nline two\twith a tab\r\nand \\ a backslash"));
    s.setMeta(QStringLiteral("credit"), QStringLiteral("“Curly” ‘quotes’ and עברית"));
    s.setMeta(QStringLiteral("language"), QStringLiteral("en"));
    s.setMeta(QStringLiteral("x-brackets"),
              QStringLiteral("[[[[{{{{").repeated(20) + QChar(0x01) + QChar(0x1f));

    const Id diplomacy =
        s.insertCategory(Category{0, QStringLiteral("Diplomacy"), QColor(0x0072b2), 0});
    const Id war =
        s.insertCategory(Category{0, QStringLiteral("War ✦ מלחמה"), QColor(213, 94, 0, 128), 1});
    Q_UNUSED(war);
    s.insertEra(Era{0, QStringLiteral("Second term ☀"),
                    PartialDate::fromEdtf(QStringLiteral("2025?-01/..")), QColor(0x56b4e9)});
    s.insertEra(Era{0, QStringLiteral("Winter"), PartialDate::fromEdtf(QStringLiteral("2024-24")),
                    QColor()});

    Actor a1;
    a1.name = QStringLiteral("Steve Witkoff");
    a1.role = QStringLiteral("Special Envoy");
    a1.description = QStringLiteral("Leads \"the\" initiative.\nSecond line.");
    a1.color = QColor(0xcc79a7);
    a1.pinnedX = 1.5;
    a1.pinnedY = -2.25e-3;
    const Id witkoff = s.insertActor(a1);
    Actor a2;
    a2.name = QStringLiteral("وزارة الخارجية");
    a2.kind = ActorKind::Organization;
    a2.role = QStringLiteral("ministry");
    const Id ministry = s.insertActor(a2);
    Actor a3;
    a3.name = QStringLiteral("Ukraine");
    a3.kind = ActorKind::State;
    const Id ukraine = s.insertActor(a3);
    Actor a4;
    a4.name = QStringLiteral("Hamas");
    a4.kind = ActorKind::Group;
    a4.pinnedX = 0;
    a4.pinnedY = 1e20;
    const Id hamas = s.insertActor(a4);

    const Id source = s.insertSource(
        Source{0, QStringLiteral("An article 📰"), QStringLiteral("Publisher"),
               QStringLiteral("https://example.org/a?b=c&d=\"e\""), QStringLiteral("2025?-11~"),
               QStringLiteral("2025-11-24"), QStringLiteral("Full text.\n\nSecond paragraph.")});
    s.insertSource(Source{0, QStringLiteral("Bare"), {}, {}, {}, {}, {}});

    Event e1;
    e1.title = QStringLiteral("Three days of talks in Miami");
    e1.summary = QStringLiteral("Witkoff met Dmitriev.\n“Cautious optimism.”");
    e1.date = PartialDate::fromEdtf(QStringLiteral("2025?-10-21/2025?-10-31"));
    e1.displayDate = QStringLiteral("late October");
    e1.categoryId = diplomacy;
    e1.tags =
        QStringList{QStringLiteral("peace"), QStringLiteral("🕊️ tag"), QStringLiteral("שלום")};
    e1.importance = 5;
    e1.location = QStringLiteral("Miami, FL");
    e1.status = Verification::Confirmed;
    e1.uid = QStringLiteral("e-1");
    e1.actors = {Participation{witkoff, QStringLiteral("negotiator")},
                 Participation{ministry, QStringLiteral("host \"quoted\"")}};
    const Id talks = s.insertEvent(e1);
    Event e2;
    e2.title = QStringLiteral("Undated-ish");
    e2.date = PartialDate::fromEdtf(QStringLiteral("2025-10~"));
    e2.status = Verification::Disputed;
    s.insertEvent(e2);
    Event e3;
    e3.title = QStringLiteral("Open start");
    e3.date = PartialDate::fromEdtf(QStringLiteral("../2025"));
    e3.status = Verification::Cleared;
    e3.importance = 1;
    e3.actors = {Participation{ukraine, QString()}};
    s.insertEvent(e3);

    Relation r1;
    r1.sourceId = witkoff;
    r1.targetId = ministry;
    r1.type = QStringLiteral("negotiates with");
    r1.valid = PartialDate::fromEdtf(QStringLiteral("2025?-10-21/2025?-10-31"));
    r1.weight = 3;
    r1.status = Verification::Confirmed;
    r1.description = QStringLiteral("In Miami.");
    const Id talksWith = s.insertRelation(r1);
    Relation r2;
    r2.sourceId = ukraine;
    r2.targetId = hamas;
    r2.type = QStringLiteral("mentions");
    r2.directed = false;
    r2.weight = 0.25;
    r2.status = Verification::Disputed;
    const Id mentions = s.insertRelation(r2);

    s.insertCitation(Citation{0,
                              source,
                              {EntityKind::Event, talks},
                              QStringLiteral("“three days of talks in Miami”"),
                              QStringLiteral("paragraph 4")});
    s.insertCitation(
        Citation{0, source, {EntityKind::Actor, witkoff}, QStringLiteral("Special Envoy"), {}});
    s.insertCitation(Citation{0, source, {EntityKind::Relation, talksWith}, {}, {}});

    const Id note = s.insertAnnotation(Annotation{0,
                                                  {EntityKind::Event, talks},
                                                  0,
                                                  QStringLiteral("editor"),
                                                  QStringLiteral("Check the dates ✔"),
                                                  QStringLiteral("2025-11-24T10:00:00Z"),
                                                  false});
    s.insertAnnotation(Annotation{0,
                                  {EntityKind::Event, talks},
                                  note,
                                  QStringLiteral("محرر"),
                                  QStringLiteral("Checked.\nFine."),
                                  QStringLiteral("2025-11-24T11:00:00Z"),
                                  true});
    s.insertAnnotation(Annotation{0,
                                  {EntityKind::Relation, mentions},
                                  0,
                                  QStringLiteral("b"),
                                  QStringLiteral("Why?"),
                                  QStringLiteral("2025-11-25T09:00:00Z"),
                                  false});

    s.insertScene(
        Scene{0, QStringLiteral("Opening ✓"), 0, QStringLiteral("Caption\nline 2"),
              QStringLiteral("{\"empty\":{},\"filters\":[\"a\",\"b\"],\"list\":[],"
                             "\"title\":\"Szene ✓\",\"window\":{\"from\":1,\"to\":2.5}}")});
    // Written by hand, not in compact form: the import stores the same object, compacted.
    s.insertScene(
        Scene{0, QStringLiteral("Second"), 1, {}, QStringLiteral("{ \"b\": 1, \"a\": [] }")});

    ChangeRecord c;
    c.at = QStringLiteral("2025-11-24T12:00:00Z");
    c.author = QStringLiteral("editor");
    c.action = QStringLiteral("update");
    c.target = {EntityKind::Actor, witkoff};
    c.before = QStringLiteral("{\"name\":\"Witkof\"}");
    c.after = QStringLiteral("{\"name\":\"Witkoff\"}");
    s.logChange(c);
}

void TestChronomapJson::roundTripIsByteIdentical()
{
    auto first = newStore();
    fillEverything(*first);
    const QByteArray exported = writeStoryJson(*first);
    QCOMPARE(writeStoryJson(*first), exported); // deterministic

    auto second = newStore();
    readStoryJson(*second, exported, QStringLiteral("story.json"));
    QCOMPARE(writeStoryJson(*second), exported);

    // Not only the same bytes: the same story, ids included.
    QCOMPARE(second->metaEntries(), first->metaEntries());
    QCOMPARE(second->categories(), first->categories());
    QCOMPARE(second->eras(), first->eras());
    QCOMPARE(second->actors(), first->actors());
    QCOMPARE(second->sources(), first->sources());
    QCOMPARE(second->events(), first->events());
    QCOMPARE(second->relations(), first->relations());
    QCOMPARE(second->citations(), first->citations());
    QCOMPARE(second->annotations(), first->annotations());
    QCOMPARE(second->scenes().first(), first->scenes().first());
    QCOMPARE(second->scenes().last().state, QStringLiteral("{\"a\":[],\"b\":1}"));
    QCOMPARE(second->changes().size(), first->changes().size());
    QCOMPARE(second->changes().first().target, first->changes().first().target);
    QCOMPARE(second->changes().first().before, first->changes().first().before);
    // The imported story is searchable like one typed in.
    QVERIFY(!second->search(QStringLiteral("Miami")).isEmpty());
    QVERIFY(!second->search(QStringLiteral("paragraph")).isEmpty());
}

void TestChronomapJson::writesFixedLayout()
{
    auto store = newStore();
    fillEverything(*store);
    const QByteArray out = writeStoryJson(*store);

    QVERIFY(out.startsWith("{\n  \"format\": \"chronomap\",\n  \"version\": 1,\n  \"story\": {\n"));
    QVERIFY(out.endsWith("\n}\n"));
    qsizetype last = 0;
    for (const char* key :
         {"\"story\"", "\"categories\"", "\"eras\"", "\"actors\"", "\"sources\"", "\"events\"",
          "\"relations\"", "\"citations\"", "\"annotations\"", "\"scenes\"", "\"changes\""}) {
        const qsizetype at = out.indexOf(QByteArray(QByteArray("\n  ") + key + ": "));
        QVERIFY2(at > last, key);
        last = at;
    }
    // Human-readable: UTF-8 as it is, not \u escapes; control characters escaped.
    QVERIFY(out.contains("🕊️"));
    QVERIFY(out.contains("محادثات"));
    QVERIFY(out.contains("\\u0001\\u001f"));
    QVERIFY(out.contains("\"pinned\": [1.5, -0.00225]"));
    QVERIFY(out.contains("\"tags\": [\"peace\", \"🕊️ tag\", \"שלום\"]"));
    QVERIFY(out.contains("{\"actor\": 1, \"role\": \"negotiator\"}"));
    QVERIFY(out.contains("\"color\": \"#800072b2\"") || out.contains("\"color\": \"#80d55e00\""));
    // Optional keys are left out rather than written empty.
    const QJsonObject doc = QJsonDocument::fromJson(out).object();
    QVERIFY(!doc.isEmpty());
    const QJsonObject open = doc.value(QStringLiteral("events")).toArray().at(1).toObject();
    QVERIFY(!open.contains(QStringLiteral("category")));
    const QJsonObject always = doc.value(QStringLiteral("relations")).toArray().at(1).toObject();
    QVERIFY(!always.contains(QStringLiteral("date")));
    const QJsonObject scene = doc.value(QStringLiteral("scenes")).toArray().at(0).toObject();
    QVERIFY(scene.value(QStringLiteral("state")).isObject());
    QCOMPARE(
        scene.value(QStringLiteral("state")).toObject().value(QStringLiteral("title")).toString(),
        QStringLiteral("Szene ✓"));
}

void TestChronomapJson::mergeRemapsIds()
{
    auto source = newStore();
    fillEverything(*source);
    const QByteArray file = writeStoryJson(*source);

    // A story with content of its own, whose ids collide with the file's.
    auto target = newStore();
    target->setMeta(QStringLiteral("title"), QStringLiteral("Our story"));
    const Id existingCategory =
        target->insertCategory(Category{0, QStringLiteral("Diplomacy"), QColor(Qt::black), 7});
    Actor mine;
    mine.name = QStringLiteral("Someone else");
    const Id mineId = target->insertActor(mine);
    Actor other;
    other.name = QStringLiteral("Another");
    target->insertActor(other);
    Event e;
    e.title = QStringLiteral("Our event");
    e.date = PartialDate::fromEdtf(QStringLiteral("2020"));
    e.actors = {Participation{mineId, QStringLiteral("ours")}};
    const Id ourEvent = target->insertEvent(e);
    const StoryCounts before = target->counts();

    readStoryJson(*target, file, QStringLiteral("merge.json"));

    const StoryCounts after = target->counts();
    const StoryCounts added = source->counts();
    QCOMPARE(after.events, before.events + added.events);
    // No name in the file is one of ours: every actor is added.
    QCOMPARE(after.actors, before.actors + added.actors);
    QCOMPARE(after.relations, before.relations + added.relations);
    QCOMPARE(after.citations, before.citations + added.citations);
    QCOMPARE(after.annotations, before.annotations + added.annotations);
    QCOMPARE(after.scenes, before.scenes + added.scenes);
    QCOMPARE(after.changes, before.changes + added.changes);
    // Category names are unique: the file's "Diplomacy" joins ours.
    QCOMPARE(after.categories, before.categories + added.categories - 1);

    // Our own entries are untouched.
    QCOMPARE(target->meta(QStringLiteral("title")), QStringLiteral("Our story"));
    QCOMPARE(target->meta(QStringLiteral("language")), QStringLiteral("en")); // gained
    QCOMPARE(target->event(ourEvent)->title, QStringLiteral("Our event"));
    QCOMPARE(target->event(ourEvent)->actors.first().actorId, mineId);

    // Every reference of the imported entries follows them to their new ids.
    auto actorNamed = [&](const QString& name) {
        for (const Actor& a : target->actors())
            if (a.name == name)
                return a.id;
        return Id(0);
    };
    const Id witkoff = actorNamed(QStringLiteral("Steve Witkoff"));
    const Id ministry = actorNamed(QStringLiteral("وزارة الخارجية"));
    QVERIFY(witkoff > 2); // file id 1 collides with ours
    std::optional<Event> talks;
    for (const Event& ev : target->events())
        if (ev.uid == QLatin1String("e-1"))
            talks = ev;
    QVERIFY(talks);
    QVERIFY(talks->id != ourEvent);
    QCOMPARE(talks->categoryId, existingCategory);
    QCOMPARE(talks->actors.size(), 2);
    QCOMPARE(talks->actors.at(0).actorId, witkoff);
    QCOMPARE(talks->actors.at(1).actorId, ministry);

    bool sawRelation = false;
    for (const Relation& r : target->relations()) {
        if (r.type == QLatin1String("negotiates with")) {
            sawRelation = true;
            QCOMPARE(r.sourceId, witkoff);
            QCOMPARE(r.targetId, ministry);
            const QList<Citation> cites = target->citationsOf({EntityKind::Relation, r.id});
            QCOMPARE(cites.size(), 1);
            QCOMPARE(target->source(cites.first().sourceId)->title, QStringLiteral("An article 📰"));
        }
    }
    QVERIFY(sawRelation);
    const QList<Citation> eventCites = target->citationsOf({EntityKind::Event, talks->id});
    QCOMPARE(eventCites.size(), 1);
    QCOMPARE(eventCites.first().locator, QStringLiteral("paragraph 4"));

    const QList<Annotation> notes = target->annotationsOf({EntityKind::Event, talks->id});
    QCOMPARE(notes.size(), 2);
    QCOMPARE(notes.at(0).parentId, Id(0));
    QCOMPARE(notes.at(1).parentId, notes.at(0).id);

    const QList<ChangeRecord> log = target->changes();
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().target, (EntityRef{EntityKind::Actor, witkoff}));

    // Merging the same file twice is allowed (a second copy, new ids again), except for the
    // actors, which are now matched by name.
    QCOMPARE(readStoryJson(*target, file, QStringLiteral("merge.json")), added.actors);
    QCOMPARE(target->counts().events, after.events + added.events);
    QCOMPARE(target->counts().actors, after.actors);
}

// Into a story with content, the file's actors are matched to the story's by name (case and
// whitespace do not count), as the other importers match them: one Witkoff, who gains the
// role he lacked, and the file's events and relations point at him.
void TestChronomapJson::mergeMatchesActorsByName()
{
    auto source = newStore();
    Actor w;
    w.name = QStringLiteral("Steve Witkoff");
    w.role = QStringLiteral("Special Envoy");
    const Id fileWitkoff = source->insertActor(w);
    Actor d;
    d.name = QStringLiteral("Kirill Dmitriev");
    const Id fileDmitriev = source->insertActor(d);
    Event e;
    e.title = QStringLiteral("Miami talks");
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-10"));
    e.actors = {Participation{fileWitkoff, {}}, Participation{fileDmitriev, {}}};
    source->insertEvent(e);
    Relation r;
    r.sourceId = fileWitkoff;
    r.targetId = fileDmitriev;
    r.type = QStringLiteral("negotiates with");
    source->insertRelation(r);
    const QByteArray file = writeStoryJson(*source);

    auto target = newStore();
    Actor ours;
    ours.name = QStringLiteral("  steve   WITKOFF ");
    const Id oursId = target->insertActor(ours);
    Event mine;
    mine.title = QStringLiteral("Our event");
    mine.date = PartialDate::fromEdtf(QStringLiteral("2020"));
    mine.actors = {Participation{oursId, {}}};
    target->insertEvent(mine);

    QCOMPARE(readStoryJson(*target, file, QStringLiteral("merge.json")), qint64(1));
    QCOMPARE(target->actors().size(), 2); // ours, and Dmitriev
    const Actor merged = *target->actor(oursId);
    QCOMPARE(merged.name, ours.name);                       // the story's spelling is kept
    QCOMPARE(merged.role, QStringLiteral("Special Envoy")); // gained
    QCOMPARE(target->eventIdsOfActor(oursId).size(), 2);
    const QList<Relation> relations = target->relations();
    QCOMPARE(relations.size(), 1);
    QCOMPARE(relations.first().sourceId, oursId);

    // A second merge of the same file matches both actors now: no new actors, new events.
    QCOMPARE(readStoryJson(*target, file, QStringLiteral("merge.json")), qint64(2));
    QCOMPARE(target->actors().size(), 2);
    QCOMPARE(target->counts().events, 3);
}

void TestChronomapJson::acceptsUnknownKeysAndByteOrderMark()
{
    auto store = newStore();
    const QByteArray json = "\xEF\xBB\xBF{\"generator\": {\"name\": \"a script\"}, "
                            "\"version\": 1, \"format\": \"chronomap\", "
                            "\"events\": [{\"id\": 7, \"title\": \"Only\", \"date\": \"2025-08\", "
                            "\"note\": \"ignored\"}]}";
    readStoryJson(*store, json, QStringLiteral("small.json"));
    const QList<Event> events = store->events();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().id, Id(7));
    QCOMPARE(events.first().status, Verification::Draft);
    QCOMPARE(events.first().importance, 0);
}

void TestChronomapJson::malformedIsRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // the start of the message after "bad.json:"

    const QByteArray head = "{\n  \"format\": \"chronomap\",\n  \"version\": 1,\n";
    auto row = [](const char* name, const QByteArray& json, const QString& expected) {
        QTest::newRow(name) << json << expected;
    };

    // A whole valid export, cut short.
    {
        QTemporaryDir dir;
        auto s = Store::open(dir.filePath(QStringLiteral("t.chronomap")), Store::Mode::Create);
        fillEverything(*s);
        const QByteArray full = writeStoryJson(*s);
        row("truncated", full.left(full.size() / 2), QStringLiteral("\\d+:\\d+: expected"));
        row("empty file", QByteArray(), QStringLiteral("1:1: expected"));
        row("garbage at the end", full + "}",
            QStringLiteral("%1:1: expected the end of the file").arg(full.count('\n') + 1));
    }
    row("10,000-deep nesting", QByteArray(10000, '[') + QByteArray(10000, ']'),
        QStringLiteral("1:65: the document is nested deeper than 64"));
    row("deep nesting inside the story",
        head + "  \"scenes\": " + QByteArray(100, '[') + QByteArray(100, ']') + "\n}",
        QStringLiteral("4:76: the document is nested deeper than 64"));
    row("string over 1 MiB",
        head + "  \"story\": {\"title\": \"" + QByteArray(1024 * 1024 + 1, 'x') + "\"}\n}",
        QStringLiteral("4:22: a string longer than 1 MiB"));
    row("file over 256 MiB", "@huge", QStringLiteral(" the file is larger than 256 MiB"));
    row("not an object", "[1, 2]", QStringLiteral("1:1: expected an object"));
    row("wrong format", "{\"format\": \"timelinejs\", \"version\": 1}",
        QStringLiteral("1:12: format: expected \"chronomap\", found \"timelinejs\""));
    row("no format", "{\"version\": 1}",
        QStringLiteral("1:1: format: the field \"format\" is missing"));
    row("newer version", "{\"format\": \"chronomap\",\n \"version\": 2}",
        QStringLiteral("2:13: version: this file was written by a newer Chronomap"));
    row("no version", "{\"format\": \"chronomap\"}",
        QStringLiteral("1:1: the top level: the field \"version\" is missing"));
    row("bad EDTF date",
        head + "  \"events\": [\n    {\n      \"id\": 1,\n      \"title\": \"x\",\n"
               "      \"date\": \"2025-13-01\"\n    }\n  ]\n}",
        QStringLiteral("8:15: events\\[0\\].date: expected an EDTF date"));
    row("empty date", head + "  \"events\": [{\"id\": 1, \"title\": \"x\", \"date\": \"\"}]\n}",
        QStringLiteral("4:46: events\\[0\\].date: expected an EDTF date"));
    row("missing date", head + "  \"events\": [{\"id\": 1, \"title\": \"x\"}]\n}",
        QStringLiteral("4:14: events\\[0\\]: the field \"date\" is missing"));
    row("bad era date",
        head + "  \"eras\": [{\"id\": 1, \"title\": \"x\", \"date\": \"late 2025\"}]\n}",
        QStringLiteral("4:44: eras\\[0\\].date: expected an EDTF date"));
    row("relation to an unknown actor",
        head + "  \"actors\": [{\"id\": 1, \"name\": \"A\"}],\n"
               "  \"relations\": [{\"id\": 1, \"source\": 1, \"target\": 9}]\n}",
        QStringLiteral(
            "5:50: relations\\[0\\].target: expected the id of one of the file's actors, "
            "found 9"));
    row("participant unknown",
        head + "  \"events\": [{\"id\": 1, \"title\": \"x\", \"date\": \"2025\", "
               "\"actors\": [{\"actor\": 3}]}]\n}",
        QStringLiteral("4:75: events\\[0\\].actors\\[0\\].actor: expected the id"));
    row("citation with two targets",
        head + "  \"actors\": [{\"id\": 1, \"name\": \"A\"}],\n"
               "  \"events\": [{\"id\": 1, \"title\": \"x\", \"date\": \"2025\"}],\n"
               "  \"sources\": [{\"id\": 1, \"title\": \"S\"}],\n"
               "  \"citations\": [\n    {\"id\": 1, \"source\": 1, \"event\": 1, \"actor\": 1}\n  "
               "]\n}",
        QStringLiteral("8:5: citations\\[0\\]: expected exactly one of \"event\", \"actor\" or "
                       "\"relation\", found 2"));
    row("annotation without target", head + "  \"annotations\": [{\"id\": 1, \"body\": \"b\"}]\n}",
        QStringLiteral("4:19: annotations\\[0\\]: expected exactly one"));
    row("annotation thread loop",
        head + "  \"actors\": [{\"id\": 1, \"name\": \"A\"}],\n  \"annotations\": [\n"
               "    {\"id\": 1, \"actor\": 1, \"parent\": 2, \"body\": \"a\"},\n"
               "    {\"id\": 2, \"actor\": 1, \"parent\": 1, \"body\": \"b\"}\n  ]\n}",
        QStringLiteral("6:37: annotations\\[0\\].parent: the replies form a loop"));
    row("title is a number",
        head + "  \"events\": [{\"id\": 1, \"title\": 5, \"date\": \"2025\"}]\n}",
        QStringLiteral("4:33: events\\[0\\].title: expected a string, found a number"));
    row("id is a string", head + "  \"actors\": [{\"id\": \"1\", \"name\": \"A\"}]\n}",
        QStringLiteral("4:21: actors\\[0\\].id: expected a whole number, found a string"));
    row("id is a fraction", head + "  \"actors\": [{\"id\": 1.5, \"name\": \"A\"}]\n}",
        QStringLiteral("4:21: actors\\[0\\].id: expected a whole number, found 1.5"));
    row("events is an object", head + "  \"events\": {}\n}",
        QStringLiteral("4:13: events: expected an array, \\[...\\], found an object"));
    row("event is an array", head + "  \"events\": [[]]\n}",
        QStringLiteral("4:14: events\\[0\\]: expected an object"));
    row("story value is a number", head + "  \"story\": {\"title\": 3}\n}",
        QStringLiteral("4:22: story.title: expected a string, found a number"));
    row("directed is a string",
        head + "  \"actors\": [{\"id\": 1, \"name\": \"A\"}],\n"
               "  \"relations\": [{\"id\": 1, \"source\": 1, \"target\": 1, \"directed\": "
               "\"yes\"}]\n}",
        QStringLiteral("5:65: relations\\[0\\].directed: expected true or false, found a string"));
    row("importance out of range",
        head + "  \"events\": [{\"id\": 1, \"title\": \"x\", \"date\": \"2025\", \"importance\": "
               "9}]\n}",
        QStringLiteral("4:68: events\\[0\\].importance: expected a number from 0 to 5, found 9"));
    row("unknown status",
        head + "  \"events\": [{\"id\": 1, \"title\": \"x\", \"date\": \"2025\", \"status\": "
               "\"ok\"}]\n}",
        QStringLiteral("4:64: events\\[0\\].status: expected one of \"draft\""));
    row("unknown actor kind",
        head + "  \"actors\": [{\"id\": 1, \"name\": \"A\", \"kind\": \"robot\"}]\n}",
        QStringLiteral("4:45: actors\\[0\\].kind: expected one of \"person\""));
    row("bad colour",
        head + "  \"categories\": [{\"id\": 1, \"name\": \"A\", \"color\": \"bluish\"}]\n}",
        QStringLiteral("4:50: categories\\[0\\].color: expected a colour"));
    row("pinned is not a pair",
        head + "  \"actors\": [{\"id\": 1, \"name\": \"A\", \"pinned\": [1]}]\n}",
        QStringLiteral("4:47: actors\\[0\\].pinned: expected two numbers"));
    row("duplicate id",
        head + "  \"actors\": [\n    {\"id\": 1, \"name\": \"A\"},\n    {\"id\": 1, \"name\": "
               "\"B\"}\n  ]\n}",
        QStringLiteral("6:12: actors\\[1\\].id: the id 1 is used twice"));
    row("duplicate category name",
        head + "  \"categories\": [{\"id\": 1, \"name\": \"A\"}, {\"id\": 2, \"name\": \"A\"}]\n}",
        QStringLiteral("4:60: categories\\[1\\].name: the category \"A\" is defined twice"));
    row("unknown category",
        head +
            "  \"events\": [{\"id\": 1, \"title\": \"x\", \"date\": \"2025\", \"category\": 4}]\n}",
        QStringLiteral("4:66: events\\[0\\].category: expected the id of one of the file's "
                       "categories"));
    row("key escaped in the file",
        head + "  \"events\": [{\"id\": 1, \"ti\\u0074le\": \"x\", \"d\\u0061te\": \"20#5\"}]\n}",
        QStringLiteral("4:56: events\\[0\\].date: expected an EDTF date"));
    row("missing separator", head + "  \"events\": [{\"id\": 1 \"title\": \"x\"}]\n}",
        QStringLiteral("4:\\d+: expected"));
}

void TestChronomapJson::malformedIsRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    if (json == "@huge") // built here so the table does not hold 256 MiB for every row
        json = QByteArray(qsizetype(256) * 1024 * 1024 + 1, ' ');

    auto store = newStore();
    fillEverything(*store);
    const QByteArray before = writeStoryJson(*store);

    QString message;
    try {
        readStoryJson(*store, json, QStringLiteral("bad.json"));
    } catch (const StoreError& e) {
        message = e.message();
    }
    QVERIFY2(!message.isEmpty(), "the file was accepted");
    const QRegularExpression pattern(QStringLiteral("^bad\\.json:") + expected);
    QVERIFY2(pattern.match(message).hasMatch(), qPrintable(message));
    QCOMPARE(writeStoryJson(*store), before);
}

void TestChronomapJson::failedImportLeavesStoreUsable()
{
    auto store = newStore();
    const QByteArray bad = "{\"format\": \"chronomap\", \"version\": 1, "
                           "\"actors\": [{\"id\": 1, \"name\": \"A\"}], "
                           "\"relations\": [{\"id\": 1, \"source\": 1, \"target\": 2}]}";
    QVERIFY_THROWS_EXCEPTION(StoreError, readStoryJson(*store, bad, QStringLiteral("bad.json")));
    QCOMPARE(store->counts().actors, 0);

    // The failed import wrote nothing, so the story is still empty and keeps the file's ids.
    auto other = newStore();
    fillEverything(*other);
    const QByteArray good = writeStoryJson(*other);
    readStoryJson(*store, good, QStringLiteral("good.json"));
    QCOMPARE(writeStoryJson(*store), good);
}

QTEST_GUILESS_MAIN(TestChronomapJson)
#include "tst_chronomapjson.moc"
