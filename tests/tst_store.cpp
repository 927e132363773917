#include "store/sqlite/schema.h"
#include "store/sqlite/sqlitestore.h"
#include "story/generator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace chronomap;

// Store: the story file's settings, schema and migrations, refusals, and every field's round
// trip through SQLite.
class TestStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void newStoryIsConfigured();
    void bulkLoadLeavesTheStoryAsConfigured();
    void everyMigrationAppliesInOrder();
    void migratesFormat1Story();
    void verifiesSchemaBeforeMigrating_data();
    void verifiesSchemaBeforeMigrating();
    void refusesWithoutChanging_data();
    void refusesWithoutChanging();
    void soundFilePassesIntegrityCheck();
    void missingFileIsNamed();
    void roundTripsEveryField_data();
    void roundTripsEveryField();
    void roundTripsActorsRelationsSources();
    void searchFindsEveryKind();
    void searchSurvivesHostileText_data();
    void searchSurvivesHostileText();
    void searchIndexFollowsEdits();
    void deleteTakesCitationsAndNotesWithIt();
    void failedTransactionChangesNothing();
    void saveCopyIsConsistent();

private:
    QString path(const QString& name) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

QByteArray hashOf(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

void sql(const QString& path, const char* statement)
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, statement, nullptr, nullptr, &err);
    const QString message = QString::fromUtf8(err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, qPrintable(message));
}

qint64 pragma(SqliteStore& store, const char* name)
{
    bool ok = false;
    const qint64 v = store.queryForTest(name).toLongLong(&ok);
    return ok ? v : -1;
}

QString pragmaText(SqliteStore& store, const char* name)
{
    return store.queryForTest(name);
}

// Text that breaks naive code: quotes, SQL, emoji, right-to-left, combining marks, newlines.
const QString kNasty = QStringLiteral("It's \"late\" October; DROP TABLE events; -- 🕊️ "
                                      "مفاوضات السلام שלום e\u0301\nline two\t");

} // namespace

void TestStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestStore::newStoryIsConfigured()
{
    auto store = SqliteStore::openFile(path(QStringLiteral("a.chronomap")), Store::Mode::Create);
    QCOMPARE(pragmaText(*store, "PRAGMA journal_mode"), QStringLiteral("wal"));
    QCOMPARE(pragma(*store, "PRAGMA user_version"), qint64(SqliteStore::kSchemaVersion));
    QCOMPARE(pragma(*store, "PRAGMA application_id"), qint64(SqliteStore::kApplicationId));
    QCOMPARE(pragma(*store, "PRAGMA foreign_keys"), qint64(1));
    QCOMPARE(pragma(*store, "PRAGMA synchronous"), qint64(2)); // FULL
    QCOMPARE(pragma(*store, "PRAGMA trusted_schema"), qint64(0));
    QVERIFY(store->isDefensiveForTest());
    QCOMPARE(store->schemaVersion(), SqliteStore::kSchemaVersion);
    // A second open of the same file is accepted and sees the same story.
    store.reset();
    auto again = Store::open(path(QStringLiteral("a.chronomap")), Store::Mode::ReadWrite);
    QVERIFY(!again->meta(QStringLiteral("created")).isEmpty());
}

// generate's bulk load changes the connection's settings, the page cache while indexes are
// built and the search index's flush size while it is rebuilt: all come back, and what it
// made is whole (indexes, search index, integrity).
void TestStore::bulkLoadLeavesTheStoryAsConfigured()
{
    auto store = SqliteStore::openFile(path(QStringLiteral("g.chronomap")), Store::Mode::Create);
    store->beginBulkLoad();
    // A rollback journal during the load (the WAL would write every page twice); SQLite
    // refuses some modes silently, so the mode is checked, not assumed.
    QCOMPARE(pragmaText(*store, "PRAGMA journal_mode"), QStringLiteral("delete"));
    QCOMPARE(pragma(*store, "PRAGMA synchronous"), qint64(0));
    GenerateOptions o;
    o.events = 3000;
    o.actors = 100;
    generateStory(*store, o);
    store->endBulkLoad();
    QCOMPARE(pragmaText(*store, "PRAGMA journal_mode"), QStringLiteral("wal"));
    QCOMPARE(pragma(*store, "PRAGMA synchronous"), qint64(2)); // FULL
    QCOMPARE(pragma(*store, "PRAGMA foreign_keys"), qint64(1));
    const qint64 cacheKiB = -pragma(*store, "PRAGMA cache_size"); // negative: in KiB
    QVERIFY2(cacheKiB > 0 && cacheKiB <= 8192, qPrintable(QString::number(cacheKiB))); // not 512 MB
    QVERIFY(store->isDefensiveForTest());
    QCOMPARE(pragmaText(*store, "SELECT v FROM events_fts_config WHERE k = 'hashsize'"),
             QStringLiteral("1048576")); // FTS5's default
    QCOMPARE(pragma(*store, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN "
                            "('event_actors_by_actor', 'event_tags_by_tag')"),
             qint64(2));
    QCOMPARE(pragmaText(*store, "PRAGMA integrity_check"), QStringLiteral("ok"));
    QCOMPARE(pragma(*store, "SELECT count(*) FROM event_actors INDEXED BY event_actors_by_actor "
                            "WHERE actor_id > 0"),
             pragma(*store, "SELECT count(*) FROM event_actors"));
    QCOMPARE(pragma(*store, "SELECT count(*) FROM events_fts WHERE events_fts MATCH 'geneva'"),
             pragma(*store, "SELECT count(*) FROM events WHERE title LIKE '%Geneva%'"));
}

void TestStore::everyMigrationAppliesInOrder()
{
    // Migrations are numbered 1..N without gaps and each applies to the previous version.
    int expected = 1;
    for (const schema::Migration& m : schema::migrations())
        QCOMPARE(m.to, expected++);
    QCOMPARE(expected - 1, SqliteStore::kSchemaVersion);

    // A story at every past version (made by applying the migrations up to it by hand) is
    // brought to the current version on open.
    for (int version = 1; version <= SqliteStore::kSchemaVersion; ++version) {
        const QString file = path(QStringLiteral("v%1.chronomap").arg(version));
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(file).constData(), &db), SQLITE_OK);
        for (const schema::Migration& m : schema::migrations())
            if (m.to <= version)
                QCOMPARE(sqlite3_exec(db, m.sql, nullptr, nullptr, nullptr), SQLITE_OK);
        const QByteArray pragmas =
            QStringLiteral("PRAGMA user_version = %1; PRAGMA application_id = %2;")
                .arg(version)
                .arg(SqliteStore::kApplicationId)
                .toUtf8();
        QCOMPARE(sqlite3_exec(db, pragmas.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        auto store = Store::open(file, Store::Mode::ReadWrite);
        QCOMPARE(store->schemaVersion(), SqliteStore::kSchemaVersion);
        Event e;
        e.title = QStringLiteral("after migration");
        e.date = PartialDate::fromEdtf(QStringLiteral("2025-10"));
        QVERIFY(store->insertEvent(e) > 0);
    }
}

// Story format 2 (issue 14): a format-1 story, made with the format-1 SQL itself, is migrated
// in one transaction on open, and every row of every table survives; the new tables are there
// and empty, and actors keep their kinds (kind_known 1).
void TestStore::migratesFormat1Story()
{
    const QString file = path(QStringLiteral("format1.chronomap"));
    {
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(file).constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, schema::migrations()[0].sql, nullptr, nullptr, nullptr), SQLITE_OK);
        const QByteArray rows =
            QStringLiteral("PRAGMA user_version = 1; PRAGMA application_id = %1;"
                           "INSERT INTO meta VALUES ('title', 'Old story');"
                           "INSERT INTO categories(id, name) VALUES (1, 'Diplomacy');"
                           "INSERT INTO actors(id, name, kind, role) VALUES (1, 'A', 2, 'state'),"
                           " (2, 'B', 1, '');"
                           "INSERT INTO events(id, title, date, earliest, latest, nominal_start,"
                           " nominal_end, category_id, uid) VALUES (1, 'E', '2025', 0, 10, 0, 10, 1,"
                           " 'u1');"
                           "INSERT INTO event_actors(event_id, actor_id, role) VALUES (1, 1, 'host');"
                           "INSERT INTO relations(id, source_id, target_id, type) VALUES (1, 1, 2, 'r');"
                           "INSERT INTO sources(id, title) VALUES (1, 'S');"
                           "INSERT INTO citations(id, source_id, event_id) VALUES (1, 1, 1);"
                           "INSERT INTO annotations(id, actor_id, author, body, created) VALUES"
                           " (1, 1, 'ed', 'note', '2025-01-01T00:00:00Z');"
                           "INSERT INTO eras(id, title, date, earliest, latest) VALUES"
                           " (1, 'Era', '2025', 0, 10);"
                           "INSERT INTO scenes(id, name) VALUES (1, 'Scene');"
                           "INSERT INTO changes(id, at, author, action, entity, entity_id) VALUES"
                           " (1, '2025', 'ed', 'insert', 'event', 1);"
                           // The search indexes as format 1 keeps them beside the rows.
                           "INSERT INTO events_fts(rowid, title, summary, location, display_date)"
                           " SELECT id, title, summary, location, display_date FROM events;"
                           "INSERT INTO actors_fts(rowid, name, role, description)"
                           " SELECT id, name, role, description FROM actors;"
                           "INSERT INTO sources_fts(rowid, title, publisher, text)"
                           " SELECT id, title, publisher, text FROM sources;"
                           "INSERT INTO annotations_fts(rowid, author, body)"
                           " SELECT id, author, body FROM annotations;")
                .arg(SqliteStore::kApplicationId)
                .toUtf8();
        QCOMPARE(sqlite3_exec(db, rows.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }
    auto store = SqliteStore::openFile(file, Store::Mode::ReadWrite);
    QCOMPARE(store->schemaVersion(), 2);
    const StoryCounts c = store->counts();
    QCOMPARE(c.events, 1);
    QCOMPARE(c.actors, 2);
    QCOMPARE(c.relations, 1);
    QCOMPARE(c.sources, 1);
    QCOMPARE(c.citations, 1);
    QCOMPARE(c.annotations, 1);
    QCOMPARE(c.categories, 1);
    QCOMPARE(c.eras, 1);
    QCOMPARE(c.scenes, 1);
    QCOMPARE(c.changes, 1);
    QCOMPARE(store->meta(QStringLiteral("title")), QStringLiteral("Old story"));
    const Actor a = *store->actor(1);
    QCOMPARE(a.kind, ActorKind::State);
    QVERIFY(a.kindKnown);
    QCOMPARE(a.role, QStringLiteral("state"));
    QCOMPARE(store->event(1)->actors.size(), 1);
    QCOMPARE(store->event(1)->uid, QStringLiteral("u1"));
    // The new fields work on the migrated story.
    Actor b = *store->actor(2);
    b.kindKnown = false;
    b.attributes = {Attribute{QStringLiteral("Modularity Class"), AttributeType::Integer,
                              QStringLiteral("3")}};
    store->updateActor(b);
    QVERIFY(*store->actor(2) == b);
    store->setOrigin(EntityKind::Actor, QStringLiteral("gexf"), QStringLiteral("n2"),
                     Store::OriginRow{2, QStringLiteral("{}"), QStringLiteral("{}")});
    QCOMPARE(store->origins(EntityKind::Actor, QStringLiteral("gexf")).value(QStringLiteral("n2")).id, 2);
    // Deleting an actor takes its attributes with it.
    store->deleteActor(2);
    QCOMPARE(pragma(*store, "SELECT count(*) FROM actor_attributes"), qint64(0));
}

// A story at an older version with a planted object is refused before the migration to the
// next version runs: the file is unchanged (still the old version, no migrated table). The
// control row shows the same story without the plant is migrated by the same list.
void TestStore::verifiesSchemaBeforeMigrating_data()
{
    QTest::addColumn<QByteArray>("plant");
    QTest::addColumn<bool>("refused");
    QTest::newRow("clean (control)") << QByteArray() << false;
    QTest::newRow("planted table") << QByteArray("CREATE TABLE planted(x)") << true;
    QTest::newRow("planted trigger")
        << QByteArray("CREATE TRIGGER planted AFTER INSERT ON events BEGIN DELETE FROM actors; "
                      "END")
        << true;
}

void TestStore::verifiesSchemaBeforeMigrating()
{
    QFETCH(QByteArray, plant);
    QFETCH(bool, refused);
    const QString file = path(QStringLiteral("old.chronomap"));
    Store::open(file, Store::Mode::Create).reset(); // the shipped (current) version
    if (!plant.isEmpty())
        sql(file, plant.constData());
    const QByteArray before = hashOf(file);

    // A future version 2 on top of the shipped list.
    std::vector<schema::Migration> future(schema::migrations().begin(), schema::migrations().end());
    const int next = future.back().to + 1;
    future.push_back({next, "CREATE TABLE migrated(x);"});
    schema::overrideMigrationsForTest(future);
    struct Restore
    {
        ~Restore() { schema::overrideMigrationsForTest({}); }
    } restore;

    try {
        auto store = Store::open(file, Store::Mode::ReadWrite);
        QVERIFY2(!refused, "a story with a planted object was opened");
        QCOMPARE(store->schemaVersion(), next);
    } catch (const StoreError& e) {
        QVERIFY2(refused, qPrintable(e.message()));
        QVERIFY2(e.message().contains(QStringLiteral("did not create")), qPrintable(e.message()));
        QCOMPARE(hashOf(file), before);
        QVERIFY(!QFileInfo::exists(file + QStringLiteral("-wal")));
    }
}

void TestStore::refusesWithoutChanging_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("message");
    QTest::newRow("newer schema") << "newer"
                                  << "newer Chronomap";
    QTest::newRow("foreign application") << "foreign"
                                         << "another program";
    QTest::newRow("plain text") << "text"
                                << "not a Chronomap story";
    QTest::newRow("no version") << "noversion"
                                << "no story format version";
    QTest::newRow("planted trigger") << "trigger"
                                     << "did not create";
    QTest::newRow("planted view") << "view"
                                  << "did not create";
    QTest::newRow("altered table") << "altered"
                                   << "did not create";
    QTest::newRow("corrupt page") << "corrupt"
                                  << "damaged";
    QTest::newRow("truncated") << "truncated"
                               << "damaged";
}

void TestStore::refusesWithoutChanging()
{
    QFETCH(QString, damage);
    QFETCH(QString, message);
    const QString file = path(QStringLiteral("bad.chronomap"));
    {
        auto store = SqliteStore::openFile(file, Store::Mode::Create);
        for (int i = 0; i < 200; ++i) {
            Event e;
            e.title = QStringLiteral("event %1 with a title long enough to fill pages").arg(i);
            e.summary = QString(400, u'x');
            e.date = PartialDate::fromEdtf(QStringLiteral("2025-10-24"));
            store->insertEvent(e);
        }
        store->execForTest("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    if (damage == QLatin1String("newer"))
        sql(file, "PRAGMA user_version = 9999");
    else if (damage == QLatin1String("foreign"))
        sql(file, "PRAGMA application_id = 1234");
    else if (damage == QLatin1String("noversion"))
        sql(file, "PRAGMA user_version = 0");
    else if (damage == QLatin1String("trigger"))
        sql(file, "CREATE TRIGGER evil AFTER INSERT ON events BEGIN DELETE FROM actors; END");
    else if (damage == QLatin1String("view"))
        sql(file, "CREATE VIEW evil AS SELECT * FROM events");
    else if (damage == QLatin1String("altered"))
        sql(file, "ALTER TABLE events ADD COLUMN payload TEXT");
    if (damage == QLatin1String("text") || damage == QLatin1String("corrupt") ||
        damage == QLatin1String("truncated")) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        if (damage == QLatin1String("text"))
            bytes = QByteArray("date,title\n2025-10,Miami talks\n").repeated(100);
        else if (damage == QLatin1String("corrupt"))
            for (qsizetype i = 8192 * 3; i < 8192 * 3 + 4000 && i < bytes.size(); ++i)
                bytes[i] = char(0xA5);
        else
            bytes.truncate(bytes.size() / 2);
        f.resize(0);
        f.write(bytes);
    }
    const QByteArray before = hashOf(file);
    // A deferred check still refuses what the header and schema give away; page damage is
    // found by the background check, which names the file.
    if (damage == QLatin1String("corrupt") || damage == QLatin1String("truncated")) {
        QString problem = Store::checkIntegrity(file);
        try {
            auto store = Store::open(file, Store::Mode::ReadOnly, Store::Check::Deferred);
        } catch (const StoreError& e) {
            problem = e.message();
        }
        QVERIFY2(problem.contains(file) && problem.contains(QStringLiteral("damaged")),
                 qPrintable(problem));
    } else {
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 Store::open(file, Store::Mode::ReadOnly, Store::Check::Deferred));
    }
    for (Store::Mode mode : {Store::Mode::ReadWrite, Store::Mode::ReadOnly}) {
        try {
            auto store = Store::open(file, mode);
            QFAIL("a bad story was opened");
        } catch (const StoreError& e) {
            QVERIFY2(e.message().contains(message), qPrintable(e.message()));
            QVERIFY2(e.message().contains(file), qPrintable(e.message()));
        }
    }
    QCOMPARE(hashOf(file), before);
}

void TestStore::soundFilePassesIntegrityCheck()
{
    const QString file = path(QStringLiteral("sound.chronomap"));
    Store::open(file, Store::Mode::Create);
    QCOMPARE(Store::checkIntegrity(file), QString());
}

void TestStore::missingFileIsNamed()
{
    const QString file = path(QStringLiteral("nowhere.chronomap"));
    try {
        Store::open(file, Store::Mode::ReadWrite);
        QFAIL("a missing story was opened");
    } catch (const StoreError& e) {
        QVERIFY(e.message().contains(file));
    }
    QVERIFY(!QFile::exists(file));
    auto created = Store::open(file, Store::Mode::Create);
    try {
        Store::open(file, Store::Mode::Create);
        QFAIL("create overwrote a story");
    } catch (const StoreError& e) {
        QVERIFY(e.message().contains(QStringLiteral("already exists")));
    }
}

void TestStore::roundTripsEveryField_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("Miami talks");
    QTest::newRow("nasty") << kNasty;
    QTest::newRow("emoji only") << QStringLiteral("🇺🇦🇷🇺🤝");
    QTest::newRow("right to left") << QStringLiteral("\u202Eخطة السلام\u202C");
    QTest::newRow("empty") << QString();
}

void TestStore::roundTripsEveryField()
{
    QFETCH(QString, text);
    auto store = Store::open(path(QStringLiteral("rt.chronomap")), Store::Mode::Create);
    const Id cat = store->insertCategory(
        Category{0, QStringLiteral("Diplomacy") + text, QColor(0, 114, 178), 2});
    const Id actor = store->insertActor(Actor{0, QStringLiteral("Steve Witkoff") + text,
                                              ActorKind::Person, text, text, QColor(), 1.5, -2.25,
                                              true, {}});
    Event e;
    e.title = QStringLiteral("Talks") + text;
    e.summary = text;
    e.date = PartialDate::fromEdtf(QStringLiteral("2025?-10-21~/2025?-10-31~"));
    QVERIFY(e.date.isValid());
    e.displayDate = QStringLiteral("late October ") + text;
    e.categoryId = cat;
    e.tags = {QStringLiteral("talks"), text.isEmpty() ? QStringLiteral("x") : text};
    e.importance = 5;
    e.location = QStringLiteral("Miami") + text;
    e.status = Verification::Disputed;
    e.uid = QStringLiteral("uid-") + text;
    e.actors = {Participation{actor, QStringLiteral("negotiator") + text}};
    e.id = store->insertEvent(e);
    const auto back = store->event(e.id);
    QVERIFY(back.has_value());
    QCOMPARE(*back, e);
    QCOMPARE(back->date.flags(), e.date.flags());
    QCOMPARE(store->actor(actor)->name, QStringLiteral("Steve Witkoff") + text);
    QCOMPARE(store->actor(actor)->pinnedY, std::optional<double>(-2.25));
    store->setMeta(QStringLiteral("title"), text);
    QCOMPARE(store->meta(QStringLiteral("title")), text);
}

void TestStore::roundTripsActorsRelationsSources()
{
    auto store = Store::open(path(QStringLiteral("rt2.chronomap")), Store::Mode::Create);
    Actor a{0,
            QStringLiteral("Kirill Dmitriev"),
            ActorKind::Person,
            QStringLiteral("Russian envoy"),
            kNasty,
            QColor(213, 94, 0),
            std::nullopt,
            std::nullopt,
            true,
            {}};
    a.id = store->insertActor(a);
    QCOMPARE(*store->actor(a.id), a);
    Actor b{0, QStringLiteral("Russia"), ActorKind::State, {}, {}, QColor(), {}, {}, true, {}};
    b.id = store->insertActor(b);
    Relation r{0,     a.id,
               b.id,  QStringLiteral("represents"),
               true,  PartialDate::fromEdtf(QStringLiteral("2025-10")),
               2.5,   Verification::Confirmed,
               kNasty, {}};
    r.id = store->insertRelation(r);
    QCOMPARE(*store->relation(r.id), r);
    Relation always{
        0, a.id, b.id, QStringLiteral("meets"), false, PartialDate(), 1.0, Verification::Draft, {},
        {}};
    always.id = store->insertRelation(always);
    QCOMPARE(*store->relation(always.id), always);
    Source s{0,
             QStringLiteral("Article") + kNasty,
             QStringLiteral("Desk"),
             QStringLiteral("https://example.org/a?b=c&d=\"e\""),
             QStringLiteral("2025-11"),
             QStringLiteral("2025-11-24"),
             kNasty};
    s.id = store->insertSource(s);
    QCOMPARE(*store->source(s.id), s);
    Citation c{0, s.id, EntityRef{EntityKind::Relation, r.id}, kNasty, QStringLiteral("¶4")};
    c.id = store->insertCitation(c);
    QCOMPARE(*store->citation(c.id), c);
    QCOMPARE(store->citationsOf(EntityRef{EntityKind::Relation, r.id}).size(), 1);
    Annotation n{
        0,      EntityRef{EntityKind::Actor, a.id},     0,   QStringLiteral("editor ✍️"),
        kNasty, QStringLiteral("2025-11-25T10:00:00Z"), true};
    n.id = store->insertAnnotation(n);
    QCOMPARE(*store->annotation(n.id), n);
    Scene sc{0, QStringLiteral("Opening"), 1, kNasty, QStringLiteral("{\"from\":1}")};
    sc.id = store->insertScene(sc);
    QCOMPARE(store->scenes().value(0), sc);
}

void TestStore::searchFindsEveryKind()
{
    auto store = Store::open(path(QStringLiteral("s.chronomap")), Store::Mode::Create);
    Event e;
    e.title = QStringLiteral("Three days of talks in Miami");
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-10"));
    const Id ev = store->insertEvent(e);
    store->insertActor(Actor{0,
                             QStringLiteral("Kirill Dmitriev"),
                             ActorKind::Person,
                             QStringLiteral("Russian envoy"),
                             {},
                             {},
                             {},
                             {},
                             true,
                             {}});
    store->insertSource(Source{0,
                               QStringLiteral("Peace plan article"),
                               {},
                               {},
                               {},
                               {},
                               QStringLiteral("Rubio said the list of potential ideas grows")});
    store->insertAnnotation(Annotation{0,
                                       EntityRef{EntityKind::Event, ev},
                                       0,
                                       QStringLiteral("desk"),
                                       QStringLiteral("Check the Miami hotel bookings"),
                                       {},
                                       false});
    auto kinds = [&](const QString& q) {
        QSet<int> out;
        for (const SearchHit& h : store->search(q))
            out.insert(int(h.ref.kind));
        return out;
    };
    QCOMPARE(kinds(QStringLiteral("miami")),
             (QSet<int>{int(EntityKind::Event), int(EntityKind::Annotation)}));
    QCOMPARE(kinds(QStringLiteral("envoy")), QSet<int>{int(EntityKind::Actor)});
    QCOMPARE(kinds(QStringLiteral("potential ideas")), QSet<int>{int(EntityKind::Source)});
    QCOMPARE(kinds(QStringLiteral("Dmitr")), QSet<int>{int(EntityKind::Actor)}); // prefix
    const auto hits = store->search(QStringLiteral("Miami"));
    QVERIFY(hits.first().snippet.contains(QStringLiteral("[Miami]")));
    QCOMPARE(store->search(QStringLiteral("Witkoff")).size(), 0);
}

void TestStore::searchSurvivesHostileText_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("found"); // every word of the query is in the title, literally
    QTest::newRow("fts syntax") << "\" * ( - NEAR" << true;
    QTest::newRow("unbalanced quote and AND") << "\"Witkoff AND" << false;
    QTest::newRow("quote and AND literally") << "\"Miami AND" << true;
    QTest::newRow("column filter is not syntax") << "title:Miami" << false;
    QTest::newRow("operators are words") << "AND NEAR" << true;
    QTest::newRow("operators only") << "AND OR NOT" << false;
    QTest::newRow("near group") << "NEAR(Miami talks" << true;
    QTest::newRow("caret and braces") << "^Miami {talks} +-" << true;
    QTest::newRow("nul and controls") << QStringLiteral("Mi\u0000ami\u0001") << false;
    QTest::newRow("long") << QString(100000, u'(') << false;
    QTest::newRow("empty") << "" << false;
}

void TestStore::searchSurvivesHostileText()
{
    QFETCH(QString, query);
    QFETCH(bool, found);
    auto store = Store::open(path(QStringLiteral("h.chronomap")), Store::Mode::Create);
    Event e;
    e.title = QStringLiteral("Miami talks AND NEAR the end");
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-10"));
    store->insertEvent(e);
    // Must not throw; words in the query are searched literally.
    const auto hits = store->search(query);
    QCOMPARE(!hits.isEmpty(), found);
}

void TestStore::searchIndexFollowsEdits()
{
    auto store = Store::open(path(QStringLiteral("f.chronomap")), Store::Mode::Create);
    Event e;
    e.title = QStringLiteral("Summit in Alaska");
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-08"));
    e.id = store->insertEvent(e);
    QCOMPARE(store->search(QStringLiteral("Alaska")).size(), 1);
    e.title = QStringLiteral("Summit in August");
    store->updateEvent(e);
    QCOMPARE(store->search(QStringLiteral("Alaska")).size(), 0);
    QCOMPARE(store->search(QStringLiteral("August")).size(), 1);
    store->deleteEvent(e.id);
    QCOMPARE(store->search(QStringLiteral("August")).size(), 0);
    // A new row that reuses the id does not inherit the old words.
    Event f;
    f.id = e.id;
    f.title = QStringLiteral("Sanctions");
    f.date = PartialDate::fromEdtf(QStringLiteral("2025-10"));
    store->insertEvent(f);
    QCOMPARE(store->search(QStringLiteral("August")).size(), 0);
    QCOMPARE(store->search(QStringLiteral("Sanctions")).size(), 1);
}

void TestStore::deleteTakesCitationsAndNotesWithIt()
{
    auto store = Store::open(path(QStringLiteral("d.chronomap")), Store::Mode::Create);
    Event e;
    e.title = QStringLiteral("Talks");
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-10"));
    e.id = store->insertEvent(e);
    const Id s = store->insertSource(Source{0, QStringLiteral("Article"), {}, {}, {}, {}, {}});
    store->insertCitation(
        Citation{0, s, EntityRef{EntityKind::Event, e.id}, QStringLiteral("q"), {}});
    const Id note = store->insertAnnotation(Annotation{0,
                                                       EntityRef{EntityKind::Event, e.id},
                                                       0,
                                                       QStringLiteral("a"),
                                                       QStringLiteral("unverified hotel"),
                                                       {},
                                                       false});
    store->insertAnnotation(Annotation{0,
                                       EntityRef{EntityKind::Event, e.id},
                                       note,
                                       QStringLiteral("b"),
                                       QStringLiteral("reply"),
                                       {},
                                       false});
    QCOMPARE(store->counts().annotations, qint64(2));
    store->deleteEvent(e.id);
    QCOMPARE(store->counts().citations, qint64(0));
    QCOMPARE(store->counts().annotations, qint64(0));
    QCOMPARE(store->counts().sources, qint64(1));
    QCOMPARE(store->search(QStringLiteral("hotel")).size(), 0);
}

void TestStore::failedTransactionChangesNothing()
{
    auto store = Store::open(path(QStringLiteral("t.chronomap")), Store::Mode::Create);
    try {
        Store::Transaction tx(*store);
        Event e;
        e.title = QStringLiteral("first");
        e.date = PartialDate::fromEdtf(QStringLiteral("2025"));
        store->insertEvent(e);
        Relation bad{0, 999, 998, QStringLiteral("meets"), false, {}, 1.0, Verification::Draft, {},
                     {}};
        store->insertRelation(bad); // unknown actors: the foreign key refuses it
        tx.commit();
        QFAIL("a relation to unknown actors was stored");
    } catch (const StoreError&) {
    }
    QCOMPARE(store->counts().events, qint64(0));
    QCOMPARE(store->counts().relations, qint64(0));
    QCOMPARE(store->search(QStringLiteral("first")).size(), 0);

    // An inner part that fails and is caught still dooms the whole; and the next
    // transaction on the connection is a real one again.
    try {
        Store::Transaction tx(*store);
        Event e;
        e.title = QStringLiteral("second");
        e.date = PartialDate::fromEdtf(QStringLiteral("2025"));
        store->insertEvent(e);
        try {
            store->insertRelation(Relation{
                0, 999, 998, QStringLiteral("meets"), false, {}, 1.0, Verification::Draft, {}, {}});
        } catch (const StoreError&) {
        }
        tx.commit();
        QFAIL("a transaction with a failed part committed");
    } catch (const StoreError& e) {
        QVERIFY(e.message().contains(QStringLiteral("nothing was changed")));
    }
    QCOMPARE(store->counts().events, qint64(0));
    Event third;
    third.title = QStringLiteral("third");
    third.date = PartialDate::fromEdtf(QStringLiteral("2025"));
    {
        Store::Transaction tx(*store);
        store->insertEvent(third);
        // not committed: rolled back
    }
    QCOMPARE(store->counts().events, qint64(0));
    store->insertEvent(third);
    QCOMPARE(store->counts().events, qint64(1));
}

void TestStore::saveCopyIsConsistent()
{
    const QString file = path(QStringLiteral("c.chronomap"));
    auto store = Store::open(file, Store::Mode::Create);
    Event e;
    e.title = QStringLiteral("Only in the WAL so far");
    e.date = PartialDate::fromEdtf(QStringLiteral("2025"));
    store->insertEvent(e);
    const QString copy = path(QStringLiteral("copy.chronomap"));
    store->saveCopy(copy);
    auto opened = Store::open(copy, Store::Mode::ReadOnly);
    QCOMPARE(opened->counts().events, qint64(1));
    QCOMPARE(opened->search(QStringLiteral("WAL")).size(), 1);
    QVERIFY_THROWS_EXCEPTION(StoreError, store->saveCopy(copy));
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
